package dev.knownerrors.release;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars as built (integration-test phase, after packaging): every published jar and the
 * shaded CLI jar carry a module name the JDK accepts, the published ones distinct, and they
 * work on the module path.
 */
class PublishedJarsIT {

    private static final String VERSION = Reactor.version();

    /** Published jar path by module name. */
    private static Map<String, Path> publishedJars() {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (Reactor.Module m : Reactor.modules()) {
            if (m.publishedJar()) {
                Path jar = m.jar(VERSION);
                assertThat(jar).as("jar of " + m.name() + " (run the reactor's verify: this check reads what package built)")
                        .isRegularFile();
                String name = moduleName(jar);
                assertThat(jars.put(name, jar)).as("module name " + name + " is used by two published jars").isNull();
            }
        }
        return jars;
    }

    private static Path shadedCli() {
        return Reactor.root().resolve("kb-cli/target/known-errors.jar");
    }

    /** The jar's module name as its manifest states it, checked against what the JDK itself derives. */
    private static String moduleName(Path jar) {
        String declared;
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("module-info.class")).as(jar + ": module-info.class (we ship automatic modules)").isNull();
            Manifest manifest = file.getManifest();
            assertThat(manifest).as(jar + ": manifest").isNotNull();
            declared = manifest.getMainAttributes().getValue("Automatic-Module-Name");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(declared).as(jar + ": Automatic-Module-Name").isNotBlank();
        // Throws IllegalArgumentException for a name that is not a legal module name.
        ModuleDescriptor.newModule(declared);
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        assertThat(found).as(jar + " on the module path").singleElement().satisfies(r -> {
            assertThat(r.descriptor().isAutomatic()).isTrue();
            assertThat(r.descriptor().name()).as("the name the JDK gives " + jar).isEqualTo(declared);
        });
        return declared;
    }

    @Test
    void everyPublishedJarHasItsOwnValidModuleName() {
        Map<String, Path> jars = publishedJars();
        assertThat(jars.keySet()).contains("dev.knownerrors.kb", "dev.knownerrors.logback", "dev.knownerrors.log4j2",
                "dev.knownerrors.cli", "dev.knownerrors.spring");
        assertThat(jars).hasSameSizeAs(Reactor.modules().stream().filter(Reactor.Module::publishedJar).toList());
    }

    @Test
    void everyClassOfAPublishedJarLivesUnderThePackageItsModuleIsNamedAfter() throws IOException {
        for (Map.Entry<String, Path> jar : publishedJars().entrySet()) {
            String prefix = jar.getKey().replace('.', '/') + "/";
            List<String> strays = new ArrayList<>();
            try (JarFile file = new JarFile(jar.getValue().toFile())) {
                file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.startsWith(prefix))
                        .forEach(strays::add);
            }
            assertThat(strays).as("classes of " + jar.getValue() + " outside " + prefix).isEmpty();
        }
    }

    @Test
    void shadedCliJarIsTheCliModuleWithItsMainClass() throws IOException {
        Path jar = shadedCli();
        assertThat(jar).isRegularFile();
        assertThat(moduleName(jar)).isEqualTo("dev.knownerrors.cli");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.knownerrors.cli.KnownErrorsCommand");
        }
    }

    @Test
    void shadedCliRunsAsANamedModule() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--module-path", shadedCli().toString(),
                "--module", "dev.knownerrors.cli", "explain", "Can't save in background: fork: Cannot allocate memory")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("database/redis-bgsave-fork-error").contains("vm.overcommit_memory");
    }

    /**
     * An automatic module declares no {@code requires}: an application on the module path resolves
     * jackson-core itself (its own {@code requires com.fasterxml.jackson.core} or
     * {@code --add-modules}), as this layer does by naming it a root.
     */
    @Test
    void kbCoreDiagnosesWithTheBundledKnowledgeBaseAsANamedModule() throws Exception {
        Path kbCore = publishedJars().get("dev.knownerrors.kb");
        ModuleFinder finder = ModuleFinder.of(kbCore, jacksonCore());
        ModuleLayer boot = ModuleLayer.boot();
        Configuration config = boot.configuration().resolve(finder, ModuleFinder.of(),
                Set.of("dev.knownerrors.kb", "com.fasterxml.jackson.core"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        Class<?> kb = layer.findLoader("dev.knownerrors.kb").loadClass("dev.knownerrors.kb.KnowledgeBase");
        assertThat(kb.getModule().getName()).isEqualTo("dev.knownerrors.kb");
        Object bundled = kb.getMethod("bundled").invoke(null);
        Optional<?> diagnosis = (Optional<?>) kb.getMethod("diagnoseText", CharSequence.class)
                .invoke(bundled, "Can't save in background: fork: Cannot allocate memory");
        assertThat(diagnosis).isPresent();
        Object id = diagnosis.get().getClass().getMethod("id").invoke(diagnosis.get());
        assertThat(id).isEqualTo("database/redis-bgsave-fork-error");
    }

    private static Path jacksonCore() throws URISyntaxException {
        return Path.of(JsonFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
