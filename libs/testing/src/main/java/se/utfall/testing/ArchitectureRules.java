package se.utfall.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape every service keeps, as tests: a service's {@code ArchitectureTest} (a plain unit test in its root
 * package, {@code se.utfall.<service>}) extends this. The layer table is read from {@code docs/new-service.md}, so
 * the document and the rule are one table; a violation names the arrow (both classes and the line).
 */
public abstract class ArchitectureRules {
    /** The shared libraries' root packages; none of them may use a service. */
    static final String[] LIBRARIES = {"se.utfall.web..", "se.utfall.messaging..", "se.utfall.events..",
        "se.utfall.testing..", "se.utfall.audit..", "se.utfall.money.."};
    /** HTTP answers belong to {@code rest}: nothing else builds or throws them. */
    static final String[] HTTP_PACKAGES = {"jakarta.ws.rs..", "io.vertx.ext.web..", "org.jboss.resteasy.."};
    static final Set<String> HTTP_CLASSES = Set.of("se.utfall.web.problem.ProblemException",
            "se.utfall.web.problem.Problem");
    /** Methods of {@code ETags} that read request headers: only resources call them. */
    static final Set<String> HEADER_PARSING = Set.of("requireMatch", "notModified", "conditionalRead");

    private static final Pattern ROW = Pattern.compile("^\\s*\\|\\s*`([a-z]+)`\\s*\\|.*\\|([^|]*)\\|\\s*$");
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

    private static JavaClasses imported;

    /** The service's root package: the package of the concrete test class. */
    protected String base() {
        return getClass().getPackageName();
    }

    protected JavaClasses serviceClasses() {
        if (imported == null) {
            imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_ARCHIVES)
                    .importPackages(base());
        }
        return imported;
    }

    private static JavaClasses libraries() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.utfall.web", "se.utfall.messaging", "se.utfall.events", "se.utfall.testing",
                        "se.utfall.audit", "se.utfall.money");
    }

    @Test
    void theLayerTableOfNewServiceMdIsKept() {
        Map<String, List<String>> table = layerTable();
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        for (String layer : table.keySet()) {
            layers = layers.layer(layer).definedBy(base() + "." + layer + "..");
        }
        for (Map.Entry<String, List<String>> row : table.entrySet()) {
            layers = row.getValue().isEmpty()
                    ? layers.whereLayer(row.getKey()).mayNotAccessAnyLayer()
                    : layers.whereLayer(row.getKey()).mayOnlyAccessLayers(row.getValue().toArray(String[]::new));
        }
        layers.because("docs/new-service.md, step 3, is the table of who may use whom").check(serviceClasses());
    }

    @Test
    void everyClassLivesInAPackageOfTheTable() {
        String[] packages = layerTable().keySet().stream().map(p -> base() + "." + p + "..")
                .toArray(String[]::new);
        classes().that().resideInAPackage(base() + "..").should().resideInAnyPackage(packages)
                .because("a package the table does not name has no rule; add it to docs/new-service.md first")
                .check(serviceClasses());
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(base() + ".(*)..").should().beFreeOfCycles().check(serviceClasses());
    }

    @Test
    void onlyResourcesSpeakHttp() {
        noClasses().that().resideInAPackage(base() + "..").and().resideOutsideOfPackage(base() + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_PACKAGES)
                .orShould().dependOnClassesThat(named(HTTP_CLASSES))
                .orShould(callEtagHeaderParsing())
                .because("use cases throw RuleViolation and check a Precondition; resources make HTTP answers")
                .check(serviceClasses());
    }

    /** A REST record or an event payload reuses no entity or domain record, so neither contract follows the domain. */
    @Test
    void apiAndEventRecordsUseOnlyEnumsOfTheDomain() {
        String domain = base() + ".domain";
        noClasses().that().resideInAnyPackage(base() + ".api..", base() + ".messaging..")
                .should().dependOnClassesThat(DescribedPredicate.describe("a domain class that is not an enum",
                        c -> (c.getPackageName().equals(domain) || c.getPackageName().startsWith(domain + "."))
                                && !c.isEnum()))
                .because("docs/new-service.md: api and messaging have their own records; mapping converts")
                .check(serviceClasses());
    }

    @Test
    void librariesNeverUseAService() {
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat(inAServiceOtherThanLibraries())
                .check(libraries());
    }

    @Test
    void theMessagingLibrarySpeaksNoHttp() {
        noClasses().that().resideInAPackage("se.utfall.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_PACKAGES)
                .orShould().dependOnClassesThat(named(HTTP_CLASSES))
                .orShould().dependOnClassesThat().resideInAPackage("se.utfall.web.http..")
                .check(libraries());
    }

    private static DescribedPredicate<JavaClass> inAServiceOtherThanLibraries() {
        return DescribedPredicate.describe("a class of a service", c -> c.getPackageName().startsWith("se.utfall.")
                && !isLibrary(c.getPackageName()));
    }

    private static boolean isLibrary(String pkg) {
        for (String lib : LIBRARIES) {
            String root = lib.substring(0, lib.length() - 2);
            if (pkg.equals(root) || pkg.startsWith(root + ".")) {
                return true;
            }
        }
        return false;
    }

    private static DescribedPredicate<JavaClass> named(Set<String> names) {
        return DescribedPredicate.describe("one of " + names, c -> names.contains(c.getName()));
    }

    private static ArchCondition<JavaClass> callEtagHeaderParsing() {
        return new ArchCondition<>("call ETags' header parsing " + HEADER_PARSING) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    if (call.getTargetOwner().getName().equals("se.utfall.web.http.ETags")
                            && HEADER_PARSING.contains(call.getName())) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }

    /** The rows of the package table in docs/new-service.md: package → packages it may use. */
    static Map<String, List<String>> layerTable() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (String line : read(document())) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            List<String> uses = new ArrayList<>();
            Matcher names = NAME.matcher(m.group(2));
            while (names.find()) {
                uses.add(names.group(1));
            }
            table.put(m.group(1), uses);
        }
        assertThat(table).as("the package table of docs/new-service.md").containsKeys("rest", "service", "domain");
        for (List<String> uses : table.values()) {
            assertThat(table.keySet()).as("packages named in 'may use'").containsAll(uses);
        }
        return table;
    }

    private static Path document() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path doc = dir.resolve("docs").resolve("new-service.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/new-service.md not found above " + Paths.get("").toAbsolutePath());
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
