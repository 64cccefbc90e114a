package dev.kurz.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProcessorTurnsTest {
  @Test
  void aSecondTaskWaitsUntilTheFirstTurnEnds() throws Exception {
    ProcessorTurns turns = new ProcessorTurns(1);
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch secondInside = new CountDownLatch(1);
    Thread first = Thread.ofPlatform().start(() -> turns.inTurn(() -> {
      firstInside.countDown();
      await(releaseFirst);
      turns.end(); // as a request does when it starts waiting for its slot
      await(secondInside); // still running, but no longer in a turn
      return null;
    }));
    assertTrue(firstInside.await(10, TimeUnit.SECONDS));
    AtomicBoolean secondRan = new AtomicBoolean();
    Thread second = Thread.ofPlatform().start(() -> turns.inTurn(() -> {
      secondRan.set(true);
      secondInside.countDown();
      return null;
    }));
    assertFalse(secondInside.await(50, TimeUnit.MILLISECONDS), "the only turn is taken");
    assertFalse(secondRan.get());
    releaseFirst.countDown();
    assertTrue(secondInside.await(10, TimeUnit.SECONDS), "the first turn ended before its task did");
    first.join();
    second.join();
  }

  @Test
  void aTurnEndsWhenItsWorkFailsAndEndingTwiceGivesBackOneTurn() {
    ProcessorTurns turns = new ProcessorTurns(1);
    assertThrows(IllegalStateException.class, () -> turns.inTurn(() -> {
      throw new IllegalStateException("broken article");
    }));
    assertEquals("ok", turns.inTurn(() -> {
      turns.end();
      turns.end();
      return "ok";
    }));
    turns.end(); // outside any turn: nothing to give back
    // Exactly one turn: a second one at once would block this test if one had been given back twice.
    assertEquals("again", turns.inTurn(() -> "again"));
  }

  @Test
  void aTaskTakesATurnAgainForItsAnswerAndOutsideATaskThereAreNone() throws Exception {
    ProcessorTurns turns = new ProcessorTurns(1);
    turns.resume(); // outside a task (a translation, a digest's synthesis): no turn taken
    turns.end();
    CountDownLatch checking = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread task = Thread.ofPlatform().start(() -> turns.inTurn(() -> {
      turns.end(); // the request waits for its slot
      turns.resume(); // the answer is in: checked in a turn
      checking.countDown();
      await(done);
      return null;
    }));
    assertTrue(checking.await(10, TimeUnit.SECONDS));
    CountDownLatch secondInside = new CountDownLatch(1);
    Thread second = Thread.ofPlatform().start(() -> turns.inTurn(() -> {
      secondInside.countDown();
      return null;
    }));
    assertFalse(secondInside.await(50, TimeUnit.MILLISECONDS), "the answer's check holds the only turn");
    done.countDown();
    assertTrue(secondInside.await(10, TimeUnit.SECONDS), "the turn ends with the task");
    task.join();
    second.join();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
