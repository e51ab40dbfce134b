package dev.sgn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the README's table of the specification's features true. */
class SpecStatusTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** Every id of the specification, in its order. */
  private static final List<String> IDS =
      Stream.of(
              ids("C", 6),
              ids("L", 8),
              ids("R", 8),
              ids("B", 3),
              ids("P", 13),
              ids("X", 5),
              ids("O", 7),
              ids("T", 6))
          .flatMap(List::stream)
          .toList();

  private static List<String> ids(String letter, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(letter + i);
    }
    return ids;
  }

  private record Row(String id, String state, List<String> tests) {}

  private static List<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int start = lines.indexOf("| id | feature | state | tests |");
    assertThat(start).as("the status table in README.md").isNotNegative();
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(start + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      String[] cells = line.split("\\|", -1);
      List<String> tests =
          Stream.of(cells[4].split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
      rows.add(new Row(cells[1].strip(), cells[3].strip(), tests));
    }
    return rows;
  }

  private static Set<String> testClasses() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(path -> path.toString().contains("/src/test/java/"))
          .map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith("Test.java"))
          .map(name -> name.substring(0, name.length() - ".java".length()))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void everyIdOfTheSpecificationIsListedOnceInOrder() throws IOException {
    assertThat(rows()).extracting(Row::id).containsExactlyElementsOf(IDS);
  }

  @Test
  void everyStateIsDonePartialWithWhatIsMissingOrPlanned() throws IOException {
    for (Row row : rows()) {
      assertThat(row.state()).as(row.id()).matches("done|planned|partial: .+");
    }
  }

  @Test
  void everyFeatureDoneOrPartlyDoneNamesTestsThatExistAndPlannedOnesNameNone() throws IOException {
    Set<String> existing = testClasses();
    Map<Boolean, List<Row>> byPlanned =
        rows().stream().collect(Collectors.partitioningBy(row -> row.state().equals("planned")));
    for (Row row : byPlanned.get(false)) {
      assertThat(row.tests()).as("tests of %s", row.id()).isNotEmpty();
      assertThat(existing).as("tests of %s", row.id()).containsAll(row.tests());
    }
    for (Row row : byPlanned.get(true)) {
      assertThat(row.tests()).as("tests of planned %s", row.id()).isEmpty();
    }
  }
}
