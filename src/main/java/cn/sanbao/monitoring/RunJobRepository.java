package cn.sanbao.monitoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;
import cn.sanbao.kernel.Period;

/**
 * 运行监测 from the screen: scores one or more periods one after another on a background thread, so the
 * page can show progress. Each period is its own stored run (and audit entry); a failure stops the rest
 * and is shown. Progress lives in memory only; the runs themselves are in the database.
 */
@Service
public class RunJobRepository {

    /** More periods than this in one request is almost certainly a typing mistake. */
    static final int MAX_PERIODS = 60;
    private static final int KEEP = 100;

    /** Progress of one request; lists are copied on read. */
    public static final class Job {
        private final long id;
        private final String actor;
        private final List<Period> periods;
        private final String modelLabel;
        private final List<ScoringRun> runs = Collections.synchronizedList(new ArrayList<>());
        private volatile String error;
        private volatile boolean finished;

        Job(long id, String actor, List<Period> periods, String modelLabel) {
            this.id = id;
            this.actor = actor;
            this.periods = List.copyOf(periods);
            this.modelLabel = modelLabel;
        }

        public long id() { return id; }
        public String actor() { return actor; }
        public List<Period> periods() { return periods; }
        public String modelLabel() { return modelLabel; }
        public List<ScoringRun> runs() { return List.copyOf(runs); }
        public int done() { return runs.size(); }
        public int total() { return periods.size(); }
        public String error() { return error; }
        public boolean finished() { return finished; }
        public int percent() { return periods.isEmpty() ? 100 : done() * 100 / total(); }
    }

    private final ScoringRunService scoring;
    private final ModelRegistry models;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    // one thread: runs of the whole province are heavy and the machine is shared; requests queue
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitoring-runs");
        t.setDaemon(true);
        return t;
    });

    public RunJobRepository(ScoringRunService scoring, ModelRegistry models) {
        this.scoring = scoring;
        this.models = models;
    }

    /** The periods from..to (inclusive) of one type in one year; to may be null for a single period. */
    public static List<Period> range(int year, Period.Type type, int from, Integer to) {
        if (type == Period.Type.YEAR) throw new IllegalArgumentException("监测按月或按周进行，请选择“月”或“周”");
        int last = to == null ? from : to;
        if (last < from) throw new IllegalArgumentException("截止期间（第 " + last + "）早于起始期间（第 " + from + "）");
        List<Period> out = new ArrayList<>();
        for (int n = from; n <= last; n++) out.add(type == Period.Type.MONTH ? Period.month(year, n) : Period.week(year, n));
        return out;
    }

    /** Validates everything first (nothing starts on bad input), then queues the job. */
    public Job start(List<Period> periods, Long modelVersionId, String actor) {
        if (periods.isEmpty()) throw new IllegalArgumentException("请至少选择一个期间");
        if (periods.size() > MAX_PERIODS) throw new IllegalArgumentException("一次最多运行 " + MAX_PERIODS + " 个期间，当前选择了 " + periods.size() + " 个");
        for (Period p : periods)
            if (p.type() == Period.Type.YEAR) throw new IllegalArgumentException("监测按月或按周进行，不能对整年打分：" + p.code());
        String label = "现行生效版本";
        if (modelVersionId != null) {
            ModelVersion v = models.version(modelVersionId);
            if (!ModelVersion.PUBLISHED.equals(v.status()))
                throw new IllegalArgumentException(v.label() + " 尚未发布（" + v.statusLabel() + "），不能用于监测运行");
            label = v.label();
        } else {
            for (Period p : periods) models.publishedFor(p);
        }
        Job job = new Job(ids.incrementAndGet(), actor, periods, label);
        jobs.put(job.id, job);
        forgetOld();
        executor.submit(() -> work(job, modelVersionId));
        return job;
    }

    private void work(Job job, Long modelVersionId) {
        try {
            for (Period p : job.periods) job.runs.add(scoring.run(p, modelVersionId, job.actor, "网页运行监测"));
        } catch (RuntimeException e) {
            job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            job.finished = true;
        }
    }

    /** A job of this user; another user's job id is treated as unknown. */
    public Job job(long id, String actor) {
        Job job = jobs.get(id);
        if (job == null || !job.actor.equals(actor)) throw new NoSuchElementException("运行任务 #" + id + " 不存在或已过期");
        return job;
    }

    private void forgetOld() {
        if (jobs.size() <= KEEP) return;
        jobs.values().stream().filter(Job::finished).map(Job::id).sorted().limit(jobs.size() - KEEP).forEach(jobs::remove);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
