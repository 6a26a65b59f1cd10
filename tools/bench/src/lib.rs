//! What `make bench` and `make test` share: the budgets, and the generated large catalogue
//! (the end-to-end tests open the same 500-row comparison the bench sorts). The harness itself
//! is `main.rs`.

pub mod budget;
pub mod large;
