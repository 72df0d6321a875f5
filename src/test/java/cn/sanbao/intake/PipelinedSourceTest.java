package cn.sanbao.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The reader thread must not change what pass 1 sees: same rows, same order, same errors. */
class PipelinedSourceTest {

    /** Rows 1..n with a gap (a blank line) after row 5, failing at row {@code failAt} when it is > 0. */
    record Numbers(long n, long failAt, AtomicLong produced) implements PaymentSource {
        @Override
        public void forEach(RowVisitor visitor) throws IOException {
            for (long i = 1; i <= n; i++) {
                if (i == 6) continue;
                if (i == failAt) throw IntakeRejectedException.of("坏.xlsx", null, "第" + i + "行读不出来");
                produced.set(i);
                visitor.row(i, new String[]{"640422", String.valueOf(i)});
            }
        }

        @Override
        public String column(long line, int col) { return "C" + line; }
    }

    @Test
    void rowsArriveInFileOrderWithTheirLineNumbers() throws IOException {
        List<Long> seen = new ArrayList<>();
        new PipelinedSource(new Numbers(20_000, 0, new AtomicLong())).forEach((line, cells) -> {
            assertThat(cells[1]).isEqualTo(String.valueOf(line));
            seen.add(line);
        });
        assertThat(seen).hasSize(19_999).startsWith(1L, 2L, 3L, 4L, 5L, 7L).endsWith(20_000L).isSorted();
        assertThat(new PipelinedSource(new Numbers(3, 0, new AtomicLong())).column(7, 2)).isEqualTo("C7");
    }

    @Test
    void aReadErrorReachesTheCallerUnchangedAfterTheRowsBeforeIt() {
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> new PipelinedSource(new Numbers(10_000, 9_000, new AtomicLong())).forEach((line, cells) -> seen.add(line)))
                .isInstanceOf(IntakeRejectedException.class).hasMessageContaining("第9000行读不出来");
        assertThat(seen).hasSize(8_998).endsWith(8_999L);
    }

    @Test
    void aCheckErrorStopsTheReader() throws Exception {
        AtomicLong produced = new AtomicLong();
        assertThatThrownBy(() -> new PipelinedSource(new Numbers(50_000_000, 0, produced)).forEach((line, cells) -> {
            if (line == 100) throw new IllegalStateException("检查失败");
        })).isInstanceOf(IllegalStateException.class);
        Thread.sleep(300);
        long after = produced.get();
        Thread.sleep(300);
        assertThat(produced.get()).isEqualTo(after).isLessThan(50_000_000L);
    }
}
