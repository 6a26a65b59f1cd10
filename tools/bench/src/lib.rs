//! What `make bench` and `make test` share: the budgets, the build's sizes (the size test reads
//! the same files the bench reports), and the generated large catalogue (the end-to-end tests
//! open the same 500-row comparison the bench sorts). The harness itself is `main.rs`.

pub mod budget;
pub mod large;
pub mod sizes;
pub mod static_page;
