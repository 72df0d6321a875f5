package cn.sanbao.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * Every cluster job holds its lock for a minimum time (lockAtLeastFor): a job that finishes in 50 ms would
 * otherwise release its lock at once, and an instance whose clock is a few seconds behind would run the same
 * tick again. The minimum must stay below the maximum (lockAtMostFor), or the lock would never be released early.
 */
class ClusterLocksTest {

    @Test
    void everySchedulerLockHoldsAMinimumTimeBelowItsMaximum() throws Exception {
        Duration defaultAtMost = Duration.parse(ClusterSchedules.class.getAnnotation(EnableSchedulerLock.class).defaultLockAtMostFor());
        List<Method> locked = lockedMethods();
        assertThat(locked).as("the cluster jobs").extracting(m -> m.getAnnotation(SchedulerLock.class).name())
                .contains("audit-anchor", "report-weekly", "report-monthly", "outbox-dispatch", "payment-job-recovery",
                        "connectors-tick");

        List<String> wrong = new ArrayList<>();
        for (Method m : locked) {
            SchedulerLock lock = m.getAnnotation(SchedulerLock.class);
            String where = m.getDeclaringClass().getSimpleName() + "." + m.getName() + " (" + lock.name() + ")";
            Duration atLeast = duration(lock.lockAtLeastFor());
            Duration atMost = lock.lockAtMostFor().isEmpty() ? defaultAtMost : duration(lock.lockAtMostFor());
            if (atLeast == null || atLeast.isZero()) wrong.add(where + ": no lockAtLeastFor");
            else if (atMost == null) wrong.add(where + ": lockAtMostFor is not an ISO duration");
            else if (atLeast.compareTo(atMost) >= 0) wrong.add(where + ": lockAtLeastFor " + atLeast + " >= lockAtMostFor " + atMost);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aLockWithoutMinimumIsFound() throws Exception {
        Method bare = Samples.class.getDeclaredMethod("bare");
        assertThat(duration(bare.getAnnotation(SchedulerLock.class).lockAtLeastFor())).isNull();
        Method inverted = Samples.class.getDeclaredMethod("inverted");
        SchedulerLock lock = inverted.getAnnotation(SchedulerLock.class);
        assertThat(duration(lock.lockAtLeastFor())).isGreaterThanOrEqualTo(duration(lock.lockAtMostFor()));
    }

    /** Every method of a cn.sanbao class (main code only) carrying {@code @SchedulerLock}. */
    static List<Method> lockedMethods() throws ClassNotFoundException {
        var scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter((reader, factory) -> true);
        List<Method> out = new ArrayList<>();
        for (var bean : scan.findCandidateComponents("cn.sanbao")) {
            Class<?> type = ClassUtils.forName(bean.getBeanClassName(), ClusterLocksTest.class.getClassLoader());
            // test probes (e.g. TwoInstancesPostgresTest's) are not cluster jobs
            if (String.valueOf(type.getProtectionDomain().getCodeSource().getLocation()).contains("test-classes")) continue;
            for (Method m : type.getDeclaredMethods())
                if (m.isAnnotationPresent(SchedulerLock.class)) out.add(m);
        }
        return out;
    }

    /** ShedLock's ISO-8601 form ("PT5S"), or a property placeholder's default; null when empty or not a duration. */
    static Duration duration(String text) {
        if (text == null || text.isBlank()) return null;
        if (text.startsWith("${") && text.endsWith("}") && text.contains(":"))
            text = text.substring(text.indexOf(':') + 1, text.length() - 1);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static class Samples {
        @SchedulerLock(name = "bare")
        void bare() { }

        @SchedulerLock(name = "inverted", lockAtMostFor = "PT1M", lockAtLeastFor = "PT2M")
        void inverted() { }
    }
}
