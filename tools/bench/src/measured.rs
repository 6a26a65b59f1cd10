//! A figure of the report: a value, or why it could not be measured; and the samples of one
//! figure over the runs, which stop at the first failure.

use crate::measure::median;

/// A measured value, or why it could not be measured.
#[derive(Debug, Clone)]
pub enum Measured {
    Value(f64),
    /// Starts with "not measured: ".
    Missing(String),
}

impl Measured {
    pub fn missing(reason: impl std::fmt::Display) -> Measured {
        Measured::Missing(format!("not measured: {reason}"))
    }

    /// The median of `samples`, or `reason` when there are none.
    pub fn median_of(samples: &[f64], reason: &str) -> Measured {
        match median(samples) {
            Some(m) => Measured::Value(m),
            None => Measured::missing(reason),
        }
    }

    pub fn value(&self) -> Option<f64> {
        match self {
            Measured::Value(v) => Some(*v),
            Measured::Missing(_) => None,
        }
    }

    /// The largest of `samples` (a jump in any run is a jump), missing with `reason` first if
    /// there is one, then if there are no samples.
    pub fn max_of(samples: &[f64], reason: Option<&str>) -> Measured {
        match (reason, samples.iter().copied().reduce(f64::max)) {
            (Some(reason), _) => Measured::Missing(reason.to_owned()),
            (None, Some(v)) => Measured::Value(v),
            (None, None) => Measured::missing("no sample"),
        }
    }

    /// `a / b`, missing if either is (with the first reason).
    pub fn ratio(a: &Measured, b: &Measured) -> Measured {
        match (a, b) {
            (Measured::Value(a), Measured::Value(b)) if *b > 0.0 => Measured::Value(a / b),
            (Measured::Value(_), Measured::Value(_)) => Measured::missing("the baseline took 0 ms"),
            (Measured::Missing(r), _) | (_, Measured::Missing(r)) => Measured::Missing(r.clone()),
        }
    }
}

/// Every run's figure as the report lists them: to hundredths.
pub fn samples_json(samples: &[f64]) -> serde_json::Value {
    serde_json::json!(samples
        .iter()
        .map(|v| (v * 100.0).round() / 100.0)
        .collect::<Vec<_>>())
}

/// The samples of one figure, one per run, or the first reason it could not be measured (then
/// no sample counts: a figure from some runs only would not be a median of the runs).
#[derive(Debug, Clone, Default)]
pub struct Series {
    pub samples: Vec<f64>,
    /// Starts with "not measured: ".
    pub missing: Option<String>,
}

impl Series {
    /// Adds one run's sample, or records why there is none.
    pub fn add(&mut self, sample: anyhow::Result<f64>) {
        if self.missing.is_some() {
            return;
        }
        match sample {
            Ok(v) => self.samples.push(v),
            Err(e) => self.fail(format!("{e:#}")),
        }
    }

    /// No sample counts, for `reason` (the first reason given stays).
    pub fn fail(&mut self, reason: impl std::fmt::Display) {
        if self.missing.is_none() {
            self.samples.clear();
            self.missing = Some(format!("not measured: {reason}"));
        }
    }

    pub fn ok(&self) -> bool {
        self.missing.is_none()
    }

    /// The median, or why there is none.
    pub fn measured(&self) -> Measured {
        match &self.missing {
            Some(reason) => Measured::Missing(reason.clone()),
            None => Measured::median_of(&self.samples, "no sample"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ratio_keeps_the_first_missing_reason() {
        let r = Measured::ratio(&Measured::missing("a"), &Measured::Value(1.0));
        assert!(matches!(r, Measured::Missing(s) if s == "not measured: a"));
        let r = Measured::ratio(&Measured::Value(3.0), &Measured::Value(2.0));
        assert_eq!(r.value(), Some(1.5));
    }

    #[test]
    fn a_series_fails_once_and_keeps_no_sample() {
        let mut s = Series::default();
        s.add(Ok(3.0));
        s.add(Ok(1.0));
        assert_eq!(s.measured().value(), Some(2.0));
        s.add(Err(anyhow::anyhow!("the page broke")));
        s.add(Ok(5.0));
        s.fail("later");
        assert!(s.samples.is_empty() && !s.ok());
        assert!(
            matches!(s.measured(), Measured::Missing(r) if r == "not measured: the page broke")
        );
        assert!(matches!(
            Series::default().measured(),
            Measured::Missing(r) if r == "not measured: no sample"
        ));
    }
}
