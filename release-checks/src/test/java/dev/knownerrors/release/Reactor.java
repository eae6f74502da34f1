package dev.knownerrors.release;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The reactor as its pom.xml files say, read with the JDK's XML parser (no regex over XML). */
final class Reactor {

    /** One {@code <module>} of the root pom. Published: a jar that the build installs. */
    record Module(String name, Path dir, String artifactId, String packaging, boolean installSkipped) {

        boolean publishedJar() {
            return packaging.equals("jar") && !installSkipped;
        }

        Path jar(String version) {
            return dir.resolve("target").resolve(artifactId + "-" + version + ".jar");
        }
    }

    private Reactor() {
    }

    /** The checkout's root directory, from the system property the module's pom sets. */
    static Path root() {
        String root = System.getProperty("reactor.root");
        assertThat(root).as("system property reactor.root (set in release-checks/pom.xml)").isNotNull();
        Path path = Path.of(root).toAbsolutePath().normalize();
        assertThat(path.resolve("pom.xml")).as("root pom").isRegularFile();
        return path;
    }

    static Element pom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            Element project = document.getDocumentElement();
            assertThat(project.getLocalName()).as(file + " root element").isEqualTo("project");
            return project;
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + file, e);
        }
    }

    /** The root pom's version: the project's version. */
    static String version() {
        return text(pom(root().resolve("pom.xml")), "version").orElseThrow();
    }

    static List<Module> modules() {
        Path root = root();
        List<Module> modules = new ArrayList<>();
        for (Element m : children(child(pom(root.resolve("pom.xml")), "modules").orElseThrow(), "module")) {
            String name = m.getTextContent().trim();
            Path dir = root.resolve(name);
            Element pom = pom(dir.resolve("pom.xml"));
            modules.add(new Module(name, dir, text(pom, "artifactId").orElseThrow(),
                    text(pom, "packaging").orElse("jar"), installSkipped(pom)));
        }
        return modules;
    }

    private static boolean installSkipped(Element pom) {
        return child(pom, "build").flatMap(b -> child(b, "plugins")).stream()
                .flatMap(plugins -> children(plugins, "plugin").stream())
                .filter(p -> text(p, "artifactId").orElse("").equals("maven-install-plugin"))
                .anyMatch(p -> child(p, "configuration").flatMap(c -> text(c, "skip")).orElse("false").equals("true"));
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }
}
