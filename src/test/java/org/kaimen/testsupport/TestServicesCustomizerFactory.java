package org.kaimen.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Starts {@link TestServices} only when a test needs a Spring context, so plain unit tests stay fast, and points
 * the context at them.
 */
public class TestServicesCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        // Before any context starts: the run's fresh database must exist before Spring Boot creates or migrates it.
        TestServices.ensureStarted();
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kaimenTestServices", Map.of(
                    "spring.elasticsearch.uris", TestServices.elasticsearch().httpUri().toString(),
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", String.valueOf(TestServices.smtpPort()))));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
