package org.kaimen;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kaimen (开门立法): drafts, public comments, analysis, feedback, hearings and the expert pool.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Theme("kaimen")
@Viewport("width=device-width, initial-scale=1")
@Meta(name = "description", content = "Kaimen 开门立法")
public class App implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }
}
