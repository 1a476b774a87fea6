package org.kaimen.shared.infra;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Unpredictable numbers without a process-wide lock. {@code new SecureRandom()} on Linux is NativePRNG, whose every
 * instance reads through one shared, synchronized stream; under a flood of submissions (a receipt number, a challenge
 * nonce each) threads queued on it for seconds in total. Each thread here has its own DRBG (NIST SP 800-90A), seeded
 * from the operating system when the thread first asks, so nothing is shared.
 */
public final class SecureRandoms {

    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // Every JDK since 9 has DRBG; the shared default is still correct, only slower under contention.
            return new SecureRandom();
        }
    });

    private SecureRandoms() {
    }

    /** This thread's generator: do not hand it to another thread. */
    public static SecureRandom current() {
        return PER_THREAD.get();
    }
}
