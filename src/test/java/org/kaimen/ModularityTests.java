package org.kaimen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(App.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void everyModuleIsDocumented() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
