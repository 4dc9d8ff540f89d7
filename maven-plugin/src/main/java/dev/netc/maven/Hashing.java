package dev.netc.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of inputs, and the fingerprint of the code that generates. */
final class Hashing {
  private Hashing() {}

  /** SHA-256 of {@code bytes}, lower-case hex. */
  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** SHA-256 of {@code text} in UTF-8, lower-case hex. */
  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A fingerprint of the jars the given classes come from. A {@code -SNAPSHOT} plugin keeps its
   * version while its code (and the compiler's) changes: hashing the jars makes a rebuilt compiler
   * regenerate everything. A class loaded from a folder (a test run) contributes its path only.
   */
  static String codeFingerprint(Class<?>... classes) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Class<?> type : classes) {
      text.append(type.getName()).append('=').append(codeHash(type)).append('\n');
    }
    return sha256(text.toString());
  }

  private static String codeHash(Class<?> type) throws IOException {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown";
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
    if (!Files.isRegularFile(location)) {
      return location.toString();
    }
    MessageDigest digest = digest();
    try (InputStream in = Files.newInputStream(location)) {
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
