//! Plain language, measured: the Flesch–Kincaid grade of a text, and the one limit every
//! article, glossary definition and cell note must stay under.
//!
//! Flesch–Kincaid grade = 0.39 × (words per sentence) + 11.8 × (syllables per word) − 15.59.
//! It rewards short sentences and short words, which is what a reader in pain, or reading in a
//! second language, needs. It is a rough measure (it cannot tell a plain long word from a
//! jargon one), so the limit is a floor for editors, not a target.
//!
//! How text is counted, so that results are stable and explainable:
//! - a word is a whitespace-separated token with at least one letter; numbers, dashes and
//!   symbols alone (`26,169`, `–`, `95%`) are not words, since they are read as figures;
//! - syllables are groups of vowels (`y` included) in a word's letters, less a silent final
//!   `e` or `-es`/`-ed`, at least one per word; a hyphenated word counts the syllables of each
//!   part (`mu-opioid`);
//! - a sentence ends at `.`, `!` or `?` followed by a space and a capital letter, a digit or an
//!   opening bracket or quote, or at the end of the text; `e.g.`, `i.e.`, `vs.`, `et al.` and
//!   initials do not end one. Each paragraph, list item and callout is counted on its own, so
//!   a list item without a full stop still ends a sentence.

/// The highest Flesch–Kincaid grade any article, glossary definition or cell note may have.
/// Grade 9 is about what a 14- to 15-year-old reads with ease, the level health-literacy
/// guidance asks of patient information; the one place to change it.
pub const MAX_GRADE: f64 = 9.0;

/// Counts of one text or several added together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
}

impl Counts {
    /// The counts of one paragraph-like unit of text.
    pub fn of(text: &str) -> Counts {
        let words: Vec<&str> = text.split_whitespace().filter(|w| is_word(w)).collect();
        Counts {
            sentences: if words.is_empty() { 0 } else { sentences(text) },
            words: words.len(),
            syllables: words.iter().map(|w| word_syllables(w)).sum(),
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.sentences += other.sentences;
        self.words += other.words;
        self.syllables += other.syllables;
    }

    /// The Flesch–Kincaid grade, or `None` for a text without words.
    pub fn grade(&self) -> Option<f64> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let words = self.words as f64;
        Some(0.39 * words / self.sentences as f64 + 11.8 * self.syllables as f64 / words - 15.59)
    }
}

/// The grade of one paragraph-like text; `None` when it has no words.
pub fn grade(text: &str) -> Option<f64> {
    Counts::of(text).grade()
}

/// Whether a grade is over [`MAX_GRADE`], compared at the one decimal place the tool prints,
/// so that a text shown as "9.0" never fails and one shown as "9.1" always does.
pub fn too_hard(grade: f64) -> bool {
    (grade * 10.0).round() > MAX_GRADE * 10.0
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphabetic)
}

/// Words that end in a full stop without ending a sentence (compared in lowercase, without
/// the stop).
const ABBREVIATIONS: [&str; 8] = ["e.g", "i.e", "vs", "al", "etc", "approx", "dr", "cf"];

/// How many sentences a text has: at least one if it has any words (a list item or a heading
/// without a full stop is still one).
pub fn sentences(text: &str) -> usize {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut count = 0;
    let mut open = false;
    for (i, token) in tokens.iter().enumerate() {
        if is_word(token) {
            open = true;
        }
        if open && ends_sentence(token, tokens.get(i + 1).copied()) {
            count += 1;
            open = false;
        }
    }
    count + usize::from(open)
}

fn ends_sentence(token: &str, next: Option<&str>) -> bool {
    let core = token.trim_end_matches(['"', '\'', ')', ']', '”', '’']);
    let Some(stem) = core.strip_suffix(['.', '!', '?']) else {
        return false;
    };
    if core.ends_with('.') {
        let word = stem
            .trim_start_matches(['(', '[', '"', '\'', '“', '‘'])
            .to_lowercase();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        if initial || ABBREVIATIONS.contains(&word.as_str()) {
            return false;
        }
    }
    match next.and_then(|n| n.chars().next()) {
        None => true,
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '(' | '[' | '"' | '“' | '‘')
        }
    }
}

/// The syllables of one token: the sum over its hyphen- or slash-separated parts.
fn word_syllables(token: &str) -> usize {
    let total: usize = token
        .split(['-', '/', '–', '—'])
        .map(|part| {
            let letters: String = part
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            if letters.is_empty() {
                0
            } else {
                syllables(&letters)
            }
        })
        .sum();
    total.max(1)
}

/// Vowel groups, less a silent ending; at least one.
fn syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() <= 3 {
        return 1;
    }
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut end = chars.len();
    let last_two: String = chars[end - 2..].iter().collect();
    if (last_two == "es" || last_two == "ed") && !matches!(chars[end - 3], 't' | 'd') {
        end -= 2;
    } else if chars[end - 1] == 'e' {
        // A final "le" after a consonant is its own syllable ("ta-ble"); other final e's are
        // silent ("make").
        let consonant_le = chars[end - 2] == 'l' && !is_vowel(chars[end - 3]);
        if !consonant_le {
            end -= 1;
        }
    }
    let mut groups = 0;
    let mut in_group = false;
    for &c in &chars[..end] {
        let vowel = is_vowel(c) || !c.is_ascii();
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_common_words() {
        for (word, expected) in [
            ("the", 1),
            ("pain", 1),
            ("table", 2),
            ("relief", 2),
            ("reading", 2),
            ("medicine", 3),
            ("established", 3),
            ("anaesthetic", 4),
            ("makes", 1),
            ("Doctor's", 2),
            ("mu-opioid", 3),
            ("NSAIDs", 1),
        ] {
            assert_eq!(word_syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn sentences_end_at_stops_before_a_capital_or_the_end() {
        assert_eq!(sentences("One. Two! Three? Four"), 4);
        assert_eq!(sentences("A list item without a stop"), 1);
        assert_eq!(sentences(""), 0);
        assert_eq!(
            sentences("RR 1.37 was higher. It rose."),
            2,
            "decimal point"
        );
        assert_eq!(sentences("Drugs, e.g. ketamine. Then more."), 2);
        assert_eq!(sentences("Lee et al. found it. Woolf C. J. agreed."), 2);
        assert_eq!(
            sentences("It fell by 5. 10 people improved."),
            2,
            "digit after"
        );
        assert_eq!(
            sentences("A stop. and a lower-case word."),
            1,
            "not a new sentence"
        );
        assert_eq!(
            sentences("(It says so.) Then it ends."),
            2,
            "closing bracket"
        );
    }

    #[test]
    fn numbers_are_not_words() {
        let c = Counts::of("In 26,169 people – 95% CI 0.56–0.82.");
        assert_eq!(c.words, 3, "In, people, CI");
        assert_eq!(c.sentences, 1);
    }

    #[test]
    fn grade_follows_the_formula() {
        // 6 words of one syllable in one sentence: 0.39 × 6 + 11.8 × 1 − 15.59.
        let g = grade("The cat sat on the mat.").expect("words");
        assert!((g - (0.39 * 6.0 + 11.8 - 15.59)).abs() < 1e-9, "{g}");
        // Longer sentences and longer words score higher.
        let hard = grade(
            "Pharmacological management necessitates individualised consideration of \
             comorbidities, concomitant medications and contraindications.",
        )
        .expect("words");
        assert!(hard > 20.0, "{hard}");
        assert_eq!(grade("– 95% 12"), None, "no words");
    }

    #[test]
    fn counts_add_up_over_units() {
        let mut total = Counts::of("Short one.");
        total.add(Counts::of("Another short one"));
        assert_eq!(
            total,
            Counts {
                sentences: 2,
                words: 5,
                syllables: 7
            }
        );
    }

    #[test]
    fn the_limit_is_compared_at_one_decimal() {
        assert!(!too_hard(9.04));
        assert!(too_hard(9.05));
        assert!(too_hard(12.0));
        assert!(!too_hard(MAX_GRADE));
    }
}
