package org.kaimen.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

class ScheduledJobsTest {

    /**
     * Jobs that may run on every instance at once, and why. Anything else scheduled must carry a lock, or two app
     * instances behind a load balancer would both do it.
     */
    static final Map<String, String> RUN_EVERYWHERE = Map.of(
            "OutboxSender.drain", "claims mails with FOR UPDATE SKIP LOCKED: more instances send sooner",
            "ConsultationClock.announce", "claims closed drafts with FOR UPDATE SKIP LOCKED",
            "CommentIndexSetup.retry", "each instance needs its own connection to the index; creating it is idempotent",
            "CommentIndexer.catchUp", "feeds this instance's in-memory campaign detector",
            "TopicService.recomputeChanged", "takes a lock per draft inside, with the age check under the lock",
            "IndexAdmin.rebuildOutdated", "the rebuild takes a lock across instances; each instance must check",
            "MailRetention.purge", "one DELETE past a cutoff: a second run deletes nothing more");

    @Test
    void everyScheduledJobIsLockedAcrossInstancesOrSaysWhyItMayRunOnEach() {
        List<JavaMethod> scheduled = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.kaimen").stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Scheduled.class))
                .toList();

        assertThat(scheduled).isNotEmpty();
        assertThat(scheduled)
                .filteredOn(m -> !m.isAnnotatedWith(SchedulerLock.class))
                .extracting(m -> m.getOwner().getSimpleName() + "." + m.getName())
                .allSatisfy(name -> assertThat(RUN_EVERYWHERE).containsKey(name));
    }
}
