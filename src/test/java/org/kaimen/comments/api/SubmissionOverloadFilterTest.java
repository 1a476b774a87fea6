package org.kaimen.comments.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.kaimen.comments.internal.AdmissionProperties;
import org.kaimen.comments.internal.SubmissionGate;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SubmissionOverloadFilterTest {

    @Test
    void whileTheGateIsFullASubmissionIsAnswered429WithoutReachingAuthenticationOrTheService() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SubmissionGate gate = new SubmissionGate(new AdmissionProperties(1, 0, Duration.ZERO), registry);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver locales =
                new org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver();
        locales.setSupportedLocales(java.util.List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH));
        locales.setDefaultLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        SubmissionOverloadFilter filter = new SubmissionOverloadFilter(gate, messages, new ObjectMapper(), locales);

        AtomicBoolean passed = new AtomicBoolean();
        filter.doFilter(submission(), new MockHttpServletResponse(), (req, res) -> passed.set(true));
        assertThat(passed).as("room in the gate: the request goes on").isTrue();

        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> gate.admit(() -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            inside.await();
            passed.set(false);
            MockHttpServletResponse busy = new MockHttpServletResponse();
            filter.doFilter(submission(), busy, (req, res) -> passed.set(true));
            assertThat(passed).isFalse();
            assertThat(busy.getStatus()).isEqualTo(429);
            assertThat(Integer.parseInt(busy.getHeader("Retry-After"))).isBetween(1, 3);
            assertThat(busy.getContentType()).startsWith("application/problem+json");
            assertThat(busy.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("comments.error.busy")
                    .contains("您填写的内容不会丢失");
            assertThat(registry.get("kaimen.comments.rejected").counter().count()).isEqualTo(1);

            passed.set(false);
            MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/drafts/7/comments");
            filter.doFilter(read, new MockHttpServletResponse(), (req, res) -> passed.set(true));
            assertThat(passed).as("reading is never turned away by the submission gate").isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static MockHttpServletRequest submission() {
        return new MockHttpServletRequest("POST", "/api/v1/drafts/7/comments");
    }
}
