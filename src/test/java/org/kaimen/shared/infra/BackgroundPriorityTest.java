package org.kaimen.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    @Test
    void aBackgroundThreadAndTheThreadsItStartsRunLoweredWhileTheCallerKeepsItsPriority() throws Exception {
        OptionalInt mine = BackgroundPriority.currentNice();
        assumeTrue(mine.isPresent(), "Linux only");
        ExecutorService pool = Executors.newSingleThreadExecutor(BackgroundPriority.lowered(Executors.defaultThreadFactory()));
        try {
            int[] nices = pool.submit(() -> {
                int own = BackgroundPriority.currentNice().orElseThrow();
                // Threads started from a background thread (as the ONNX runtime's are) inherit its priority.
                int child = CompletableFuture.supplyAsync(() -> BackgroundPriority.currentNice().orElseThrow(),
                        r -> new Thread(r).start()).get();
                return new int[] {own, child};
            }).get();
            assertThat(nices[0]).isEqualTo(Math.max(mine.getAsInt(), BackgroundPriority.NICE));
            assertThat(nices[1]).isEqualTo(nices[0]);
            assertThat(BackgroundPriority.currentNice()).isEqualTo(mine);
        } finally {
            pool.shutdownNow();
        }
    }
}
