//! What each page says about itself in `<head>`, and the sitemap.

use pathways::components::page_meta::PageHead;

use crate::routes::{Route, RouteKind};

/// Text made safe for HTML text and double-quoted attribute values.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page's address on the public site: `site_url` (`https://example.org`, from `SITE_URL`)
/// plus the base path plus the route.
pub fn public_url(site_url: &str, base: &str, route: &Route) -> String {
    let base = base.trim_end_matches('/');
    format!("{}{base}{}", site_url.trim_end_matches('/'), route.path)
}

/// `<title>`, the description, Open Graph, and for articles JSON-LD `MedicalWebPage` with the
/// review date. `reviewedBy` is never written: no clinician has reviewed the content yet, and a
/// reviewer is never invented. With a site URL, also the canonical link and `og:url`.
pub fn page_head(head: &PageHead, route: &Route, base: &str, site_url: Option<&str>) -> String {
    let title = escape_text(&head.title);
    let description = escape_text(&head.description);
    let og_type = match route.kind {
        RouteKind::Article { .. } => "article",
        _ => "website",
    };
    let mut out = format!(
        "<title>{title}</title>\n    <meta name=\"description\" content=\"{description}\" />\n    \
         <meta property=\"og:title\" content=\"{title}\" />\n    \
         <meta property=\"og:description\" content=\"{description}\" />\n    \
         <meta property=\"og:type\" content=\"{og_type}\" />\n    \
         <meta property=\"og:site_name\" content=\"Pathways\" />\n"
    );
    let url = site_url.map(|site| public_url(site, base, route));
    if let Some(url) = &url {
        let url = escape_text(url);
        out.push_str(&format!(
            "    <link rel=\"canonical\" href=\"{url}\" />\n    <meta property=\"og:url\" content=\"{url}\" />\n"
        ));
    }
    if let RouteKind::Article { last_reviewed, .. } = &route.kind {
        let mut ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": head.title.trim_end_matches(" · Pathways"),
            "description": head.description,
            "inLanguage": "en",
            "lastReviewed": last_reviewed,
        });
        if let (Some(url), Some(map)) = (&url, ld.as_object_mut()) {
            map.insert("url".into(), url.clone().into());
        }
        out.push_str(&format!(
            "    <script type=\"application/ld+json\">{}</script>\n",
            crate::script_safe_json(&ld.to_string())
        ));
    }
    out
}

/// `sitemap.xml` listing every route but the not-found page.
pub fn sitemap(routes: &[Route], base: &str, site_url: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in routes.iter().filter(|r| r.kind != RouteKind::NotFound) {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape_text(&public_url(site_url, base, route))
        ));
    }
    out.push_str("</urlset>\n");
    out
}
