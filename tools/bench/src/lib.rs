//! What `make bench` and `make test` share: the budgets. The harness itself is `main.rs`.

pub mod budget;
