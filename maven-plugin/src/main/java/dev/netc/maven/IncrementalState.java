package dev.netc.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the last successful generation of one execution left behind, kept in {@code
 * target/maven-status/netc/<goal>/<execution-id>/state}: a fingerprint of everything besides the
 * inputs that changes the output (plugin version, the compiler's code, the configuration), then per
 * input its content hash and the files it produced.
 *
 * <p>The file is text, one record per line, tab-separated:
 *
 * <pre>
 * netc-state 2
 * fingerprint 3f2a...
 * input iris.nn 9c1e... 1 target/generated-sources/netc/IrisNet.java
 * </pre>
 *
 * ({@code input}, relative path, SHA-256 of its bytes, number of networks, then its outputs).
 *
 * @param fingerprint plugin version, compiler code and configuration, hashed
 * @param entries per input path relative to the source folder ({@code /}-separated), sorted
 */
record IncrementalState(String fingerprint, SortedMap<String, Entry> entries) {

  /**
   * Bumped when the layout or meaning of this file changes (2: outputs relative to the project);
   * another value means a full rebuild with no state, so nothing is deleted on its word.
   */
  static final String FORMAT = "netc-state 2";

  IncrementalState {
    entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
  }

  /**
   * What one input produced.
   *
   * @param hash SHA-256 (hex) of the input's bytes
   * @param networks how many networks (classes) it generated
   * @param outputs the files written for it, relative to the project's folder, sorted
   */
  record Entry(String hash, int networks, List<String> outputs) {
    Entry {
      outputs = List.copyOf(outputs);
    }
  }

  /** All outputs recorded for every input. */
  List<String> allOutputs() {
    List<String> all = new ArrayList<>();
    for (Entry entry : entries.values()) {
      all.addAll(entry.outputs());
    }
    return all;
  }

  /** The state as the text described above. */
  String toText() {
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    text.append("fingerprint\t").append(fingerprint).append('\n');
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      text.append("input\t").append(e.getKey()).append('\t').append(e.getValue().hash());
      text.append('\t').append(e.getValue().networks());
      for (String output : e.getValue().outputs()) {
        text.append('\t').append(output);
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** Parses {@link #toText()}; empty if the text is of another format or damaged. */
  static Optional<IncrementalState> parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 2 || !lines[0].equals(FORMAT) || !lines[1].startsWith("fingerprint\t")) {
      return Optional.empty();
    }
    String fingerprint = lines[1].substring("fingerprint\t".length());
    SortedMap<String, Entry> entries = new TreeMap<>();
    for (int i = 2; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] fields = lines[i].split("\t", -1);
      if (fields.length < 4 || !fields[0].equals("input")) {
        return Optional.empty();
      }
      int networks;
      try {
        networks = Integer.parseInt(fields[3]);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      List<String> outputs = List.of(fields).subList(4, fields.length);
      entries.put(fields[1], new Entry(fields[2], networks, outputs));
    }
    return Optional.of(new IncrementalState(fingerprint, entries));
  }

  /** Reads the state file; empty if it is missing, unreadable or of another format. */
  static Optional<IncrementalState> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes the state file, creating its folder. */
  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, toText(), StandardCharsets.UTF_8);
  }
}
