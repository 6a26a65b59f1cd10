//! Where the app lives on its host. Trunk writes `<base href="/sub/path/">` from `--public-url`;
//! the router's base and every relative fetch URL follow it, so one build can be served from any
//! path.

/// The router base for a `<base href>` path: `/pathways/` → `/pathways`, `/` → empty.
pub fn router_base_for(base_path: &str) -> String {
    let trimmed = base_path.trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_owned()
    } else {
        format!("/{trimmed}")
    }
}

thread_local! {
    static ROUTER_BASE: String = read_router_base();
}

/// The router base of the running page (read once from `document.baseURI`).
pub fn router_base() -> String {
    ROUTER_BASE.with(Clone::clone)
}

/// An in-app link target: `/articles/x` becomes `/pathways/articles/x` under a sub-path.
/// The router only prefixes its base to relative links, so every absolute link goes through here.
pub fn href(path: &str) -> String {
    join(&router_base(), path)
}

fn join(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

// Natively (the prerenderer) there is no document: the build step says where the site lives.
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static NATIVE_BASE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Sets the `<base href>` path for native rendering; call before anything reads the base.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_native_base(base_path: &str) {
    NATIVE_BASE.with(|b| *b.borrow_mut() = base_path.to_owned());
}

#[cfg(not(target_arch = "wasm32"))]
fn read_router_base() -> String {
    NATIVE_BASE.with(|b| router_base_for(&b.borrow()))
}

#[cfg(target_arch = "wasm32")]
fn read_router_base() -> String {
    let path = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    router_base_for(&path)
}

#[cfg(test)]
mod tests {
    use super::{join, router_base_for};

    #[test]
    fn links_carry_the_base() {
        assert_eq!(join("", "/articles/x"), "/articles/x");
        assert_eq!(join("/pathways", "/articles/x"), "/pathways/articles/x");
        assert_eq!(join("/pathways", "/"), "/pathways/");
    }

    #[test]
    fn root_has_an_empty_base() {
        assert_eq!(router_base_for("/"), "");
        assert_eq!(router_base_for(""), "");
    }

    #[test]
    fn sub_paths_lose_the_trailing_slash() {
        assert_eq!(router_base_for("/pathways/"), "/pathways");
        assert_eq!(router_base_for("/a/b/"), "/a/b");
        assert_eq!(router_base_for("pathways/"), "/pathways");
    }
}
