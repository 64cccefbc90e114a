package dev.kurz.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.EnumSet;
import java.util.Set;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Which persons a German word form can only be in the Konjunktiv I, read from the morphology
 * lexicon LanguageTool uses (de.danielnaber:german-pos-dict, a morfologik FSA with tags such as
 * {@code VER:3:SIN:KJ1:NON}). A form is Konjunktiv I for a person where the lexicon tags it KJ1
 * for that person and neither indicative nor Konjunktiv II (of any verb): "habe" is KJ1 for 1st and 3rd person
 * singular but indicative for the 1st ("ich habe"), so only "er/sie/es habe" marks reported
 * speech; "haben" is KJ1 and indicative for every person it has and marks nothing; "seien" and
 * "könne" are subjunctive for all theirs. A word with any reading outside the verbs ("bitte",
 * "weise", "meine", "eine") is never counted: the other reading is the usual one.
 *
 * <p>The lexicon (about 0.9 MB) is read on the first lookup, not before, so runs that check no
 * claim never load it. Lookups are case-sensitive, as German spelling is ("Habe" is a noun).
 * Thread-safe: the dictionary is immutable and each lookup has its own {@link DictionaryLookup}.
 */
final class GermanVerbForms {
  /** Person and number of a finite verb form. */
  enum Person {
    FIRST_SINGULAR,
    SECOND_SINGULAR,
    THIRD_SINGULAR,
    FIRST_PLURAL,
    SECOND_PLURAL,
    THIRD_PLURAL;

    static Person of(char person, boolean plural) {
      int i = (person - '1') + (plural ? 3 : 0);
      return values()[i];
    }
  }

  private static final String RESOURCE = "/org/languagetool/resource/de/german.dict";

  private GermanVerbForms() {}

  /** Holder: the lexicon is read when {@link #konjunktivOnly} first needs it. */
  private static final class Lexicon {
    static final Dictionary DICTIONARY = read();

    private static Dictionary read() {
      URL url = GermanVerbForms.class.getResource(RESOURCE);
      if (url == null) throw new IllegalStateException("German morphology lexicon missing: " + RESOURCE);
      try {
        return Dictionary.read(url);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the German morphology lexicon " + RESOURCE, e);
      }
    }
  }

  /**
   * The persons for which {@code word}, exactly as spelled, is a Konjunktiv I form and nothing
   * else; empty for indicative-looking forms, unknown words and words that are also another part
   * of speech.
   */
  static Set<Person> konjunktivOnly(String word) {
    Set<Person> subjunctive = EnumSet.noneOf(Person.class);
    if (word.isEmpty() || !Character.isLowerCase(word.charAt(0))) return subjunctive;
    Set<Person> other = EnumSet.noneOf(Person.class);
    for (WordData reading : new DictionaryLookup(Lexicon.DICTIONARY).lookup(word)) {
      String tag = String.valueOf(reading.getTag());
      if (!tag.startsWith("VER:")) return EnumSet.noneOf(Person.class);
      Person person = personOf(tag);
      if (person == null) continue;
      if (tag.contains(":KJ1")) subjunctive.add(person);
      else if (tag.contains(":PRÄ") || tag.contains(":PRT") || tag.contains(":KJ2")) other.add(person);
    }
    subjunctive.removeAll(other);
    return subjunctive;
  }

  /** Person and number in a tag like {@code VER:AUX:3:SIN:KJ1}, or null (infinitive, participle, imperative). */
  private static Person personOf(String tag) {
    String[] parts = tag.split(":");
    for (int i = 1; i + 1 < parts.length; i++) {
      String p = parts[i];
      if (p.length() == 1 && p.charAt(0) >= '1' && p.charAt(0) <= '3') {
        String number = parts[i + 1];
        if (number.equals("SIN") || number.equals("PLU")) return Person.of(p.charAt(0), number.equals("PLU"));
      }
    }
    return null;
  }
}
