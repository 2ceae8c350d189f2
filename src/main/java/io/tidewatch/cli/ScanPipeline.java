package io.tidewatch.cli;

import io.tidewatch.cli.input.EntrySource;
import io.tidewatch.cli.input.InputEntry;
import io.tidewatch.cli.input.InputPost;
import io.tidewatch.cli.input.InputProblem;
import io.tidewatch.cli.input.RawEntry;
import io.tidewatch.cli.report.ScanResult;
import io.tidewatch.core.Detector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scan path as a pipeline: one thread cuts the input into chunks of entries, N workers parse
 * and inspect the chunks (detectors are thread-safe and pure), and the calling thread hands the
 * results on strictly in input order. Chunks are handed on through a queue of their futures in
 * input order, at most {@code 2 N + 2} of them, each at most {@value #CHUNK_ENTRIES} entries or
 * about {@value #CHUNK_BYTES} bytes of input: memory stays flat whatever the input's size.
 */
final class ScanPipeline implements AutoCloseable {
    static final int CHUNK_ENTRIES = 256;
    static final long CHUNK_BYTES = 1 << 20;

    /** Where results go, called on the thread that runs {@link #run}, in input order. */
    interface Sink {
        void result(ScanResult result);

        void problem(InputProblem problem);

        /** After each chunk: how far into the input (bytes) the entries handed on so far reach. */
        default void progress(long position) {}
    }

    /** A chunk's outcome: its entries' results and problems in order, and where in the input it ended. */
    private record Chunk(List<Object> outcomes, long position) {}

    private static final Future<Chunk> END = CompletableFuture.completedFuture(null);

    private final Detector detector;
    private final ExecutorService workers;
    private final int window;

    ScanPipeline(Detector detector, int threads) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        this.detector = detector;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scan-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.window = 2 * threads + 2;
    }

    /**
     * Reads every entry of {@code source}, inspects the posts on the workers and hands results and
     * problems to {@code sink} in input order. An input that breaks off (a {@link
     * io.tidewatch.core.ConfigException} from the source) or a failing detector is rethrown here,
     * after everything before it was handed on.
     */
    void run(EntrySource source, Sink sink) throws InterruptedException {
        BlockingQueue<Future<Chunk>> inOrder = new ArrayBlockingQueue<>(window);
        Thread reader = new Thread(() -> read(source, inOrder), "scan-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (Future<Chunk> f = inOrder.take(); f != END; f = inOrder.take()) {
                Chunk chunk = outcome(f);
                for (Object o : chunk.outcomes()) {
                    if (o instanceof ScanResult r) sink.result(r);
                    else sink.problem((InputProblem) o);
                }
                sink.progress(chunk.position());
            }
        } finally {
            reader.interrupt();
            inOrder.forEach(f -> f.cancel(true));
            inOrder.clear(); // unblocks a reader waiting to put
            reader.join(TimeUnit.SECONDS.toMillis(5)); // a reader blocked on standard input is a daemon: it does not hold the exit
        }
    }

    private static Chunk outcome(Future<Chunk> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** The reading thread: cuts chunks, submits each to the workers and queues its future in input order. */
    private void read(EntrySource source, BlockingQueue<Future<Chunk>> inOrder) {
        List<RawEntry> chunk = new ArrayList<>(CHUNK_ENTRIES);
        try {
            try {
                long chunkStart = source.position();
                for (RawEntry e = source.next(); e != null; e = source.next()) {
                    chunk.add(e);
                    long position = source.position();
                    if (chunk.size() == CHUNK_ENTRIES || position - chunkStart >= CHUNK_BYTES) {
                        submit(chunk, position, inOrder);
                        chunk = new ArrayList<>(CHUNK_ENTRIES);
                        chunkStart = position;
                    }
                }
                if (!chunk.isEmpty()) submit(chunk, source.position(), inOrder);
                inOrder.put(END);
            } catch (RuntimeException | Error e) {
                // the entries read before the input broke off are still inspected and handed on, then the failure
                if (!chunk.isEmpty()) submit(chunk, source.position(), inOrder);
                inOrder.put(CompletableFuture.failedFuture(e));
            }
        } catch (InterruptedException e) {
            // the consumer stopped: nothing more is wanted
        }
    }

    private void submit(List<RawEntry> chunk, long position, BlockingQueue<Future<Chunk>> inOrder) throws InterruptedException {
        inOrder.put(workers.submit(() -> inspect(chunk, position)));
    }

    private Chunk inspect(List<RawEntry> chunk, long position) {
        List<Object> outcomes = new ArrayList<>(chunk.size());
        for (RawEntry raw : chunk) {
            InputEntry entry = raw.parse();
            if (entry instanceof InputPost p) outcomes.add(new ScanResult(p, detector.inspect(p.post())));
            else if (entry != null) outcomes.add(entry);
        }
        return new Chunk(outcomes, position);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
