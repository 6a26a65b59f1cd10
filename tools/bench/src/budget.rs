//! The budgets, read from `tools/bench/budget.toml`: the one place a limit is written. The bench
//! reports against all of them; the size test in `make test` enforces the wasm's.

use serde::Deserialize;

/// The budget file, compiled in so the bench and the tests can never read different limits.
pub const FILE: &str = include_str!("../budget.toml");
pub const FILE_NAME: &str = "tools/bench/budget.toml";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub metric: String,
    pub op: Op,
    pub limit: f64,
    pub unit: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Op {
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = "<")]
    Below,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::AtMost => "<=",
            Op::Below => "<",
        }
    }
}

impl Budget {
    pub fn holds(&self, value: f64) -> bool {
        match self.op {
            Op::AtMost => value <= self.limit,
            Op::Below => value < self.limit,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BudgetFile {
    budget: Vec<Budget>,
}

/// Every budget, in the file's order.
pub fn parse(text: &str) -> Result<Vec<Budget>, String> {
    let file: BudgetFile = toml::from_str(text).map_err(|e| format!("{FILE_NAME}: {e}"))?;
    for (i, b) in file.budget.iter().enumerate() {
        if file.budget[..i]
            .iter()
            .any(|earlier| earlier.metric == b.metric)
        {
            return Err(format!("{FILE_NAME}: `{}` has two budgets", b.metric));
        }
        if !b.limit.is_finite() || b.limit < 0.0 {
            return Err(format!(
                "{FILE_NAME}: the limit of `{}` must be a number of at least 0",
                b.metric
            ));
        }
    }
    Ok(file.budget)
}

/// The budgets of this build.
pub fn all() -> Result<Vec<Budget>, String> {
    parse(FILE)
}

/// The budget of one metric.
pub fn of(metric: &str) -> Result<Budget, String> {
    all()?
        .into_iter()
        .find(|b| b.metric == metric)
        .ok_or_else(|| format!("{FILE_NAME} has no budget for `{metric}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_file_reads_and_limits_the_wasm() {
        let wasm = of("wasm_brotli_bytes").unwrap();
        assert_eq!(wasm.op, Op::AtMost);
        assert_eq!(wasm.unit, "B");
        assert!(wasm.holds(wasm.limit) && !wasm.holds(wasm.limit + 1.0));
        assert!(all().unwrap().len() >= 5);
    }

    #[test]
    fn below_excludes_the_limit() {
        let b = Budget {
            metric: "sort_ms".into(),
            op: Op::Below,
            limit: 16.0,
            unit: "ms".into(),
        };
        assert!(b.holds(15.9) && !b.holds(16.0));
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let one = "[[budget]]\nmetric = \"a\"\nop = \"<=\"\nlimit = 1\nunit = \"B\"\n";
        assert!(parse(one).is_ok());
        let e = parse(&one.replace("\"<=\"", "\"=<\"")).unwrap_err();
        assert!(e.starts_with(FILE_NAME) && e.contains("=<"), "{e}");
        let e = parse(&format!("{one}{one}")).unwrap_err();
        assert!(e.contains("`a` has two budgets"), "{e}");
        let e = parse(&one.replace("limit = 1", "limit = -1")).unwrap_err();
        assert!(e.contains("at least 0"), "{e}");
        let e = parse(&one.replace("unit", "units")).unwrap_err();
        assert!(e.contains("units"), "{e}");
        assert!(of("no_such_metric")
            .unwrap_err()
            .contains("no budget for `no_such_metric`"));
    }
}
