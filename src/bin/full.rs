//! The `pathways-full` bundle: the whole app, which the catalogue's pages load (see `split.rs`).
fn main() {
    console_error_panic_hook::set_once();
    pathways::start_full();
}
