package cn.sanbao.shared.scheduling;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The two executors of after-commit listeners ({@code @Async(AsyncExecutors.BULK)} and so on), so that a same-day cash
 * warning never queues behind minutes of report generation or re-scoring. Both are bounded and named; Boot exports them
 * as {@code executor_*{name="bulkTaskExecutor"|"alertTaskExecutor"}} beside its own {@code applicationTaskExecutor} (kept by
 * spring.task.execution.mode=force for anything else that is async).
 * <p>
 * Threads are daemons and shutdown does not wait: a report still rendering must not hold a JVM's exit (it held test
 * JVMs for 30 s). What was cut off is not lost: its event publication stays incomplete and runs again at the next start.
 */
@Configuration(proxyBeanMethods = false)
public class AsyncExecutors {

    /** Minutes of work per event: monthly reports on publication, re-scoring after an import. */
    public static final String BULK = "bulkTaskExecutor";
    /** Seconds of work that people wait for: same-day cash warnings. */
    public static final String ALERT = "alertTaskExecutor";

    private static final Logger log = LoggerFactory.getLogger(AsyncExecutors.class);

    @Bean(BULK)
    ThreadPoolTaskExecutor bulkTaskExecutor(@Value("${sanbao.executors.bulk.threads:2}") int threads,
                                            @Value("${sanbao.executors.bulk.queue:100}") int queue) {
        // a full queue drops the task with a log line rather than running it in the committing (web) thread: the
        // publication stays incomplete (next start), and the daily catch-up finishes monthly reports anyway
        return executor("sanbao-bulk-", threads, queue, (task, pool) -> log.warn(
                "后台任务队列已满（{} 个等待），本次事件未处理，将在下次启动时重投", pool.getQueue().size()));
    }

    @Bean(ALERT)
    ThreadPoolTaskExecutor alertTaskExecutor(@Value("${sanbao.executors.alert.threads:2}") int threads,
                                             @Value("${sanbao.executors.alert.queue:1000}") int queue) {
        // a warning is never dropped: when its queue is full the committing thread handles it itself (short transactions)
        return executor("sanbao-alert-", threads, queue, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static ThreadPoolTaskExecutor executor(String prefix, int threads, int queue, RejectedExecutionHandler full) {
        ThreadPoolTaskExecutor e = new ThreadPoolTaskExecutor();
        e.setThreadNamePrefix(prefix);
        e.setCorePoolSize(threads);
        e.setMaxPoolSize(threads);
        e.setQueueCapacity(queue);
        e.setRejectedExecutionHandler(full);
        e.setDaemon(true);
        e.setWaitForTasksToCompleteOnShutdown(false);
        e.setAwaitTerminationSeconds(0);
        return e;
    }
}
