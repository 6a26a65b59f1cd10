//! Which pages exist: read from the content, so a new article or treatment gets its page with
//! no extra step.

use pathways::model::{ContentIndex, Treatments};

/// What a route shows, as far as its `<head>` needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteKind {
    Page,
    Article { last_reviewed: String },
    NotFound,
}

/// One prerendered page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The app path, without the site's base: `/articles/x`.
    pub path: String,
    /// The file under `dist/`. `/articles/x` is `articles/x.html`, which GitHub Pages, Netlify
    /// and Cloudflare Pages serve for `/articles/x` with a 200 (nginx: `try_files $uri
    /// $uri.html`); `/` is `index.html` and the not-found page is `404.html`.
    pub file: String,
    pub kind: RouteKind,
}

fn page(path: &str) -> Route {
    let file = if path == "/" {
        "index.html".to_owned()
    } else {
        format!("{}.html", path.trim_start_matches('/'))
    };
    Route {
        path: path.to_owned(),
        file,
        kind: RouteKind::Page,
    }
}

/// Every route of the site, from the index and the catalogue.
pub fn routes(index: &ContentIndex, treatments: &Treatments) -> Vec<Route> {
    let mut all = vec![page("/")];
    for meta in &index.articles {
        let mut route = page(&format!("/articles/{}", meta.slug));
        route.kind = RouteKind::Article {
            last_reviewed: meta.last_reviewed.clone(),
        };
        all.push(route);
    }
    all.push(page("/treatments"));
    all.extend(
        treatments
            .treatments
            .iter()
            .map(|t| page(&format!("/treatments/{}", t.id))),
    );
    all.extend(["/glossary", "/about", "/compare"].map(page));
    all.push(Route {
        // Any path the app does not know renders its not-found page.
        path: "/404".into(),
        file: "404.html".into(),
        kind: RouteKind::NotFound,
    });
    all
}
