package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.grammar.check.DuplicateNetworks;
import dev.netc.grammar.check.DuplicateNetworks.Earlier;
import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one wording of DUPLICATE_NETWORK, and the rule across the files of one build. */
class DuplicateNetworksTest {
  private static final String NET =
      "network Net {\n  input 2;\n  dense 1 sigmoid;\n  loss squared_error;\n}\n";

  @Test
  void theThreeFormsOfTheMessage() {
    assertEquals(
        "network 'Net' is already declared at line 2: each network becomes a class, so rename one"
            + " of them",
        DuplicateNetworks.message("Net", "Net", Earlier.inThisFile(2)));
    assertEquals(
        "network 'Net' generates class a.Net, which the network at x.nn:3:9 also generates; rename"
            + " one of them or give their files different packages",
        DuplicateNetworks.message("Net", "a.Net", Earlier.at("x.nn", 3, 9)));
    assertEquals(
        "network 'Net' generates class a.Net, which x.nn also generates; rename one of them or give"
            + " their files different packages",
        DuplicateNetworks.message("Net", "a.Net", Earlier.in("x.nn")));
  }

  @Test
  void withinOneFileTheCheckerUsesTheSameWording() {
    FrontEndResult result = Check.result(NET + NET);
    assertEquals(1, result.diagnostics().size());
    Diagnostic d = result.diagnostics().get(0);
    assertEquals(DiagnosticKind.DUPLICATE_NETWORK, d.kind());
    assertEquals(DuplicateNetworks.message("Net", "Net", Earlier.inThisFile(1)), d.message());
  }

  @Test
  void acrossFilesTheLaterDeclarationIsTheErrorAndPackagesTellClassesApart() {
    SourceFile a = new SourceFile("a.nn", NET);
    SourceFile b = new SourceFile("b.nn", "\n" + NET);
    SourceFile c = new SourceFile("c.nn", NET);
    NetworkFile modelA = NetcFrontEnd.check(a).model().orElseThrow();
    NetworkFile modelB = NetcFrontEnd.check(b).model().orElseThrow();
    NetworkFile modelC = NetcFrontEnd.check(c).model().orElseThrow();
    DuplicateNetworks rule = new DuplicateNetworks();
    assertEquals(List.of(), rule.add(a, modelA, "p"));
    List<Diagnostic> clash = rule.add(b, modelB, "p");
    assertEquals(1, clash.size());
    assertEquals("b.nn", clash.get(0).source().name());
    assertEquals(2, clash.get(0).line());
    assertEquals(9, clash.get(0).column());
    assertEquals(
        DuplicateNetworks.message("Net", "p.Net", Earlier.at("a.nn", 1, 9)),
        clash.get(0).message());
    assertEquals(List.of(), rule.add(c, modelC, "q"), "another package, another class");
  }
}
