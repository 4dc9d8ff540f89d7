package dev.netc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.check.JavaNames;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageNamesTest {

  @Test
  void theFolderGivesThePackage() {
    PackageNames.Resolved r = PackageNames.resolve("com/acme/iris.nn", Optional.of("org.x"));
    assertEquals(Optional.of("com.acme"), r.packageName());
    assertEquals("folder", r.source());
    assertNull(r.error());
  }

  @Test
  void aTopLevelFileGetsPackageNameElseTheDefaultPackage() {
    assertEquals(
        Optional.of("org.x"), PackageNames.resolve("iris.nn", Optional.of("org.x")).packageName());
    assertEquals(Optional.empty(), PackageNames.resolve("iris.nn", Optional.empty()).packageName());
  }

  @Test
  void aFolderThatIsNoJavaPackageIsAnErrorThatSaysWhatToDo() {
    PackageNames.Resolved r = PackageNames.resolve("my-nets/iris.nn", Optional.empty());
    assertEquals(
        "folder 'my-nets' is no Java package ('my-nets' is not a Java identifier): add a package"
            + " declaration to the file or rename the folder",
        r.error());
    assertTrue(PackageNames.resolve("a/class/x.nn", Optional.empty()).error() != null);
  }

  @Test
  void packageNamesAreDottedIdentifiers() {
    assertTrue(JavaNames.isPackageName("com.example.nets"));
    assertFalse(JavaNames.isPackageName("com..example"));
    assertFalse(JavaNames.isPackageName("com.1x"));
    assertFalse(JavaNames.isPackageName("com.int"));
    assertFalse(JavaNames.isPackageName("com.b\u00fccher"));
  }
}
