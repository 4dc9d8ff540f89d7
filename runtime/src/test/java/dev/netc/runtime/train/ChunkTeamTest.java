package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChunkTeamTest {

  @Test
  void everyParticipantRunsOnceAndTheCallerIsParticipantZero() {
    try (ChunkTeam team = new ChunkTeam(3, "test-team")) {
      Thread caller = Thread.currentThread();
      for (int round = 0; round < 200; round++) {
        int participants = 1 + round % 3;
        int[] runs = new int[3];
        Thread[] threads = new Thread[3];
        team.run(
            participants,
            p -> {
              runs[p]++;
              threads[p] = Thread.currentThread();
            });
        int[] expected = new int[3];
        Arrays.fill(expected, 0, participants, 1);
        assertArrayEquals(expected, runs, "round " + round);
        assertSame(caller, threads[0]);
        for (int p = 1; p < participants; p++) {
          assertNotEquals(caller, threads[p]);
        }
      }
    }
  }

  @Test
  void aHelpersExceptionReachesTheCallerAndTheTeamGoesOn() {
    try (ChunkTeam team = new ChunkTeam(2, "test-team")) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  team.run(
                      2,
                      p -> {
                        if (p == 1) {
                          throw new IllegalStateException("chunk failed");
                        }
                      }));
      assertEquals("chunk failed", e.getMessage());
      int[] sum = new int[2];
      team.run(2, p -> sum[p] = p + 1);
      assertArrayEquals(new int[] {1, 2}, sum);
    }
  }

  @Test
  void participantsBeyondTheTeamAreRefused() {
    try (ChunkTeam team = new ChunkTeam(2, "test-team")) {
      assertThrows(IllegalArgumentException.class, () -> team.run(3, p -> {}));
      assertThrows(IllegalArgumentException.class, () -> team.run(0, p -> {}));
    }
  }
}
