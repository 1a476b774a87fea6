package org.kaimen.shared.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background work (indexing, sentence vectors, campaign detection, topics, mail) runs at a lower CPU priority than
 * the threads that answer people. On two cores a burst of comments leaves minutes of background work behind it;
 * at equal priority that work would take half the CPU from the requests still arriving, and their latency would
 * climb with the backlog. At Linux nice 10 the scheduler gives a request thread about nine times the share of a
 * background thread, so the backlog uses the CPU the requests leave idle and drains once they slow down.
 *
 * <p>Linux keeps a nice value per thread, and threads inherit it from the thread that starts them, so the ONNX
 * runtime's worker threads, created on first use of the model from a background thread, run lowered too. Elsewhere,
 * or where renice is missing, this does nothing.
 */
public final class BackgroundPriority {

    /** The niceness of background threads: low enough to yield to requests, not so low that it starves. */
    public static final int NICE = 10;
    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static volatile boolean warned;

    private BackgroundPriority() {
    }

    /** A factory whose threads lower their own priority before running anything. */
    public static ThreadFactory lowered(ThreadFactory delegate) {
        return runnable -> delegate.newThread(() -> {
            lowerCurrentThread();
            runnable.run();
        });
    }

    /** Lowers the calling thread's CPU priority to {@link #NICE}; @return whether it worked */
    public static boolean lowerCurrentThread() {
        try {
            String tid = ownThreadId();
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                log.info("Background threads keep normal CPU priority ({})", e.toString());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value as Linux has it, or empty elsewhere. */
    public static java.util.OptionalInt currentNice() {
        return niceOf(SELF);
    }

    /** The nice value of the thread whose task directory (such as /proc/self/task/1234) is given, or empty. */
    public static java.util.OptionalInt niceOf(Path task) {
        try {
            return java.util.OptionalInt.of(Integer.parseInt(statField(task, 18)));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The calling thread's task directory. */
    private static final Path SELF = Path.of("/proc/thread-self");

    private static String ownThreadId() throws IOException {
        // The task directory's stat starts with the thread id.
        return statField(SELF, 0);
    }

    /** A field of a task's stat, counted from 0; the command name in parentheses may contain spaces. */
    private static String statField(Path task, int index) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        if (index == 0) {
            return stat.substring(0, stat.indexOf(' '));
        }
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return rest[index - 2];
    }
}
