package org.kaimen.shared.infra;

import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Event listeners and scheduled jobs run on threads of lowered CPU priority ({@link BackgroundPriority}). */
@Configuration(proxyBeanMethods = false)
class BackgroundThreadsConfiguration {

    @Bean
    ThreadPoolTaskExecutorCustomizer backgroundExecutorPriority() {
        return executor -> executor.setThreadFactory(BackgroundPriority.lowered(
                new CustomizableThreadFactory(executor.getThreadNamePrefix())));
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer backgroundSchedulerPriority() {
        return scheduler -> scheduler.setThreadFactory(BackgroundPriority.lowered(
                new CustomizableThreadFactory(scheduler.getThreadNamePrefix())));
    }
}
