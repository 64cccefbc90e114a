package dev.kurz.render;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What kurz prints, with the control sequences that text from models, pages and file names could
 * smuggle to a terminal removed: escape sequences (CSI such as clear screen or hidden text; OSC
 * such as the window title or the clipboard via OSC 52; DCS, APC, PM, SOS), their 8-bit C1 forms,
 * every other C0 control but tab and newline, DEL, and the Unicode bidirectional overrides and
 * isolates that reorder what is shown. The one sequence kurz writes itself, {@code \r ESC[K}
 * (redraw the progress line), passes. Works on UTF-8 bytes, statefully across writes; every
 * stream kurz prints to goes through it (see {@link Terminal}). Not thread-safe on its own: the
 * {@link PrintStream} around it serializes writes.
 */
public final class TerminalSafeStream extends FilterOutputStream {
  private enum State { TEXT, CR, CR_ESC, CR_CSI, ESC, CSI, STRING, STRING_ESC, STRING_C2, C2, E2, E2_80, E2_81 }

  private State state = State.TEXT;

  private TerminalSafeStream(OutputStream out) {
    super(out);
  }

  /** A print stream like {@code target} (same charset) whose output is filtered; {@code target} itself if it already is. */
  public static PrintStream wrap(PrintStream target) {
    if (target instanceof Safe) return target;
    return new Safe(new TerminalSafeStream(target), target);
  }

  /** Marks a filtered stream, so that wrapping twice costs nothing. */
  private static final class Safe extends PrintStream {
    Safe(TerminalSafeStream filter, PrintStream target) {
      super(filter, true, target.charset());
    }
  }

  /** Filters a whole string (text rendered before it is printed, so that escaping cannot split a sequence the stream would have caught). */
  public static String clean(String text) {
    if (text.chars().noneMatch(TerminalSafeStream::suspect)) return text;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TerminalSafeStream s = new TerminalSafeStream(bytes)) {
      s.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A character that may start or be something the filter drops; text without any passes as it is. */
  private static boolean suspect(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream(len);
    for (int i = off; i < off + len; i++) step(b[i] & 0xff, kept);
    kept.writeTo(out);
  }

  private void step(int c, ByteArrayOutputStream o) {
    switch (state) {
      case TEXT -> text(c, o);
      case CR -> {
        if (c == 0x1b) {
          state = State.CR_ESC;
        } else {
          state = State.TEXT; // a bare carriage return could overwrite what is shown: dropped
          text(c, o);
        }
      }
      case CR_ESC -> {
        if (c == '[') {
          state = State.CR_CSI;
        } else {
          state = State.ESC;
          step(c, o);
        }
      }
      case CR_CSI -> {
        if (c == 'K') {
          o.write('\r');
          o.write(0x1b);
          o.write('[');
          o.write('K');
          state = State.TEXT;
        } else {
          state = State.CSI;
          step(c, o);
        }
      }
      case ESC -> {
        if (c == '[') state = State.CSI;
        else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') state = State.STRING;
        else if (c == 0x1b) state = State.ESC;
        else state = c >= 0x20 && c <= 0x2f ? State.ESC : State.TEXT; // ESC ( B and the like: intermediates, then one final byte
      }
      case CSI -> {
        if (c >= 0x40 && c <= 0x7e) state = State.TEXT;
        else if (c == 0x1b) state = State.ESC;
        else if (c < 0x20 && c != 0x1b) { // a broken sequence: what follows is text again
          state = State.TEXT;
          text(c, o);
        }
      }
      case STRING -> {
        if (c == 0x07) state = State.TEXT;
        else if (c == 0x1b) state = State.STRING_ESC;
        else if (c == 0xc2) state = State.STRING_C2; // perhaps the 8-bit ST
        else if (c == '\n') state = State.TEXT; // never swallow more than a line
      }
      case STRING_ESC -> state = c == '\\' ? State.TEXT : State.STRING;
      case STRING_C2 -> state = c == 0x9c ? State.TEXT : State.STRING;
      case C2 -> {
        state = State.TEXT;
        if (c >= 0x80 && c <= 0x9f) {
          c1(c);
        } else {
          o.write(0xc2);
          text(c, o);
        }
      }
      case E2 -> {
        if (c == 0x80) {
          state = State.E2_80;
        } else if (c == 0x81) {
          state = State.E2_81;
        } else {
          state = State.TEXT;
          o.write(0xe2);
          text(c, o);
        }
      }
      case E2_80, E2_81 -> {
        boolean bidi = state == State.E2_80 ? c >= 0xaa && c <= 0xae : c >= 0xa6 && c <= 0xa9;
        int second = state == State.E2_80 ? 0x80 : 0x81;
        state = State.TEXT;
        if (!bidi) {
          o.write(0xe2);
          o.write(second);
          text(c, o);
        }
      }
    }
  }

  private void text(int c, ByteArrayOutputStream o) {
    if (c == 0x1b) state = State.ESC;
    else if (c == '\r') state = State.CR;
    else if (c == 0xc2) state = State.C2;
    else if (c == 0xe2) state = State.E2;
    else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f)) o.write(c);
    // other C0 controls and DEL: dropped
  }

  /** An 8-bit control (U+0080 to U+009F): CSI and the string introducers start a sequence; all are dropped. */
  private void c1(int c) {
    if (c == 0x9b) state = State.CSI;
    else if (c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) state = State.STRING;
  }
}
