package org.orderflow.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency rule, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.orderflow");
    }

    @Test
    void the_domain_depends_on_nothing_but_the_jdk() {
        classes().that().resideInAPackage("org.orderflow.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.orderflow.domain..", "java..")
                .check(classes);
    }

    @Test
    void the_application_knows_no_persistence_messaging_web_or_json_technology() {
        classes().that().resideInAPackage("org.orderflow.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.orderflow.domain..", "org.orderflow.application..", "java..",
                        "jakarta.inject..", "jakarta.enterprise..", "jakarta.transaction..", "jakarta.annotation..")
                .check(classes);
    }

    @Test
    void adapters_do_not_depend_on_each_other_or_on_the_web_layer() {
        noClasses().that().resideInAPackage("org.orderflow.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.orderflow.messaging..", "org.orderflow.web..")
                .check(classes);
        noClasses().that().resideInAPackage("org.orderflow.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.orderflow.persistence..", "org.orderflow.web..")
                .check(classes);
    }

    @Test
    void web_resources_and_timers_use_the_application_not_the_adapters() {
        // only the wiring (CDI producers) and the bootstrap (database creation, migrations) know the adapters
        noClasses().that().resideInAPackage("org.orderflow.web..")
                .and().resideOutsideOfPackages("org.orderflow.web.wiring..", "org.orderflow.web.bootstrap..")
                .should().dependOnClassesThat().resideInAnyPackage("org.orderflow.persistence..", "org.orderflow.messaging..")
                .check(classes);
    }

    @Test
    void no_module_has_package_cycles() {
        for (String module : new String[] {"domain", "application", "persistence", "messaging", "web"}) {
            slices().matching("org.orderflow." + module + ".(*)..").should().beFreeOfCycles().check(classes);
        }
        slices().matching("org.orderflow.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_inner_layers_never_reach_outwards() {
        noClasses().that().resideInAnyPackage("org.orderflow.domain..", "org.orderflow.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.orderflow.persistence..", "org.orderflow.messaging..", "org.orderflow.web..")
                .check(classes);
    }
}
