package cn.sanbao.intake;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Reads, decodes and splits rows on a second thread while the caller checks and classifies them, so the
 * first pass of a large import uses two cores. Rows reach the visitor in file order on the caller's thread;
 * a failure on either side stops both, and the reader's exception is rethrown unchanged.
 */
final class PipelinedSource implements PaymentSource {

    private static final int BATCH = 4096;
    private static final Batch END = new Batch(new long[0], new String[0][], 0, null);

    private final PaymentSource inner;

    PipelinedSource(PaymentSource inner) {
        this.inner = inner;
    }

    private record Batch(long[] lines, String[][] cells, int size, Throwable failure) {
    }

    @Override
    public String column(long line, int col) {
        return inner.column(line, col);
    }

    @Override
    public void forEach(RowVisitor visitor) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(16);
        Thread reader = new Thread(() -> produce(queue), "payment-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (Batch b = queue.take(); b != END; b = queue.take()) {
                if (b.failure() != null) rethrow(b.failure());
                for (int i = 0; i < b.size(); i++) visitor.row(b.lines()[i], b.cells()[i]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("支付明细读取被中断");
        } finally {
            reader.interrupt(); // no-op when the reader has finished; stops it when the caller gave up early
        }
    }

    private void produce(BlockingQueue<Batch> queue) {
        Filler filler = new Filler(queue);
        Batch last;
        try {
            inner.forEach(filler);
            filler.flush();
            last = END;
        } catch (CancellationException e) {
            return; // the caller stopped reading
        } catch (Throwable t) {
            if (filler.cancelled) return; // a source that wrapped our cancellation: the caller has gone
            try {
                filler.flush(); // the rows read before the failure are still checked, as without the pipeline
            } catch (CancellationException e) {
                return;
            }
            last = new Batch(null, null, 0, t);
        }
        try {
            queue.put(last);
        } catch (InterruptedException ignored) {
            // the caller has gone; nobody waits for the end marker
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new UncheckedIOException(new IOException(t));
    }

    private static final class Filler implements RowVisitor {
        private final BlockingQueue<Batch> queue;
        private long[] lines = new long[BATCH];
        private String[][] cells = new String[BATCH][];
        private int size;
        private boolean cancelled;

        Filler(BlockingQueue<Batch> queue) {
            this.queue = queue;
        }

        @Override
        public void row(long line, String[] row) {
            lines[size] = line;
            cells[size++] = row;
            if (size == BATCH) flush();
        }

        void flush() {
            if (size == 0) return;
            try {
                queue.put(new Batch(lines, cells, size, null));
            } catch (InterruptedException e) {
                cancelled = true;
                throw new CancellationException();
            }
            lines = new long[BATCH];
            cells = new String[BATCH][];
            size = 0;
        }
    }
}
