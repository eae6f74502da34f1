package dev.knownerrors.release;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** known-errors-bom: what an application imports to align the versions of our artifacts. */
class BomTest {

    private static final String GROUP = "dev.knownerrors";

    private final Element bom = Reactor.pom(Reactor.root().resolve("known-errors-bom/pom.xml"));

    private List<Element> managed() {
        return Reactor.child(bom, "dependencyManagement").flatMap(d -> Reactor.child(d, "dependencies"))
                .map(d -> Reactor.children(d, "dependency")).orElse(List.of());
    }

    private List<String> managedArtifactIds() {
        return managed().stream().map(d -> Reactor.text(d, "artifactId").orElseThrow()).toList();
    }

    @Test
    void everyJarTheBuildPublishesIsListedInTheBom() {
        List<String> published = Reactor.modules().stream().filter(Reactor.Module::publishedJar)
                .map(Reactor.Module::artifactId).toList();
        assertThat(published).as("published jar modules").contains("kb-core", "appender-logback", "appender-log4j2", "kb-cli");
        assertThat(managedArtifactIds()).containsAll(published);
    }

    @Test
    void onlyTheDemoBenchmarkCheckAndTestModulesAreLeftUnpublished() {
        assertThat(Reactor.modules().stream().filter(m -> m.packaging().equals("jar") && m.installSkipped())
                .map(Reactor.Module::name))
                .as("jar modules whose pom skips install (so they are not in the BOM)")
                .containsExactlyInAnyOrder("examples", "benchmarks", "release-checks", "spring-boot-log4j2-test");
    }

    @Test
    void everyEntryIsOurArtifactAtTheProjectVersionAndNothingElseIsManaged() {
        assertThat(managed()).isNotEmpty().allSatisfy(d -> {
            assertThat(Reactor.text(d, "groupId")).as("groupId").contains(GROUP);
            assertThat(Reactor.text(d, "version")).as("version").contains("${project.version}");
            assertThat(Reactor.text(d, "scope")).as("scope (an import would leak another BOM)").isEmpty();
        });
        assertThat(managedArtifactIds()).doesNotHaveDuplicates();
    }

    @Test
    void bomHasNoParentSoImportingItBringsNoThirdPartyVersions() {
        assertThat(Reactor.child(bom, "parent")).as("<parent>").isEmpty();
        assertThat(Reactor.child(bom, "dependencies")).as("<dependencies>").isEmpty();
        assertThat(Reactor.text(bom, "packaging")).contains("pom");
        assertThat(Reactor.text(bom, "groupId")).contains(GROUP);
        assertThat(Reactor.text(bom, "artifactId")).contains("known-errors-bom");
        assertThat(Reactor.text(bom, "version")).as("the BOM's own version, which ${project.version} stands for")
                .contains(Reactor.version());
    }

    @Test
    void bomIsAModuleOfTheReactorSoItIsBuiltAndInstalledWithTheRest() {
        assertThat(Reactor.modules()).anySatisfy(m -> {
            assertThat(m.artifactId()).isEqualTo("known-errors-bom");
            assertThat(m.packaging()).isEqualTo("pom");
            assertThat(m.installSkipped()).isFalse();
        });
    }
}
