//! The `pathways` bundle: the reading app, loaded by every page but the catalogue's (see
//! `split.rs`).
fn main() {
    console_error_panic_hook::set_once();
    pathways::start();
}
