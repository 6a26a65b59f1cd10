//! The large comparison: a generated catalogue of 500 treatments × 40 attributes, written into
//! a copy of the build, and the hand-written vanilla-JS page that sorts the same data.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use pathways::model::compare::{sort_treatments, SortDir};
use pathways::model::{
    Attribute, AttributeKind, Attributes, Better, Cell, CellState, CellValue, Group, Site,
    Treatment, Treatments, SCHEMA_VERSION,
};

pub const TREATMENTS: usize = 500;
pub const ATTRIBUTES: usize = 40;

const LEVELS: [&str; 5] = ["very low", "low", "moderate", "high", "very high"];
const WORDS: [&str; 12] = [
    "receptor",
    "channel",
    "spinal",
    "peripheral",
    "central",
    "slow",
    "fast",
    "daily",
    "weekly",
    "clinic",
    "home",
    "review",
];

/// The generated catalogue and the sort the bench measures.
pub struct Large {
    pub treatments: Treatments,
    pub attributes: Attributes,
    /// The ordinal attribute whose header is clicked.
    pub sort_attribute: Attribute,
    /// Treatment names in the order an ascending sort must show them.
    pub sorted_names: Vec<String>,
}

/// A small deterministic generator (xorshift64*): the same data on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

pub fn generate() -> Large {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let attributes: Vec<Attribute> = (1..=ATTRIBUTES)
        .map(|i| {
            let group = Group::ALL[(i - 1) % Group::ALL.len()];
            let (kind, label, levels, unit, better) = match i % 5 {
                0 => (
                    AttributeKind::Number,
                    format!("Number measure {i:02}"),
                    vec![],
                    Some("NNT".to_owned()),
                    Better::Low,
                ),
                4 if i % 2 == 0 => (
                    AttributeKind::Category,
                    format!("Category {i:02}"),
                    vec![],
                    None,
                    Better::None,
                ),
                4 => (
                    AttributeKind::Text,
                    format!("Text {i:02}"),
                    vec![],
                    None,
                    Better::None,
                ),
                _ => (
                    AttributeKind::Ordinal,
                    format!("Ordinal measure {i:02}"),
                    LEVELS[..3 + i % 3].iter().map(|s| s.to_string()).collect(),
                    None,
                    Better::Low,
                ),
            };
            Attribute {
                id: format!("bench-a{i:02}"),
                label,
                group,
                kind,
                levels,
                unit,
                better,
                description: format!("Generated attribute {i} for the performance bench."),
            }
        })
        .collect();

    let treatments: Vec<Treatment> = (1..=TREATMENTS)
        .map(|i| {
            let values: BTreeMap<String, Cell> = attributes
                .iter()
                .map(|a| {
                    // One cell in ten has no value: a gap not yet reviewed, as real content has.
                    let value = if rng.below(10) == 0 {
                        None
                    } else {
                        Some(match a.kind {
                            AttributeKind::Ordinal => {
                                CellValue::Text(a.levels[rng.below(a.levels.len())].clone())
                            }
                            AttributeKind::Number => {
                                CellValue::Number((rng.below(200) as f64) / 10.0 + 1.0)
                            }
                            AttributeKind::Category => {
                                CellValue::Text(format!("Group {}", rng.below(12) + 1))
                            }
                            AttributeKind::Text => CellValue::Text(
                                (0..3)
                                    .map(|_| WORDS[rng.below(WORDS.len())])
                                    .collect::<Vec<_>>()
                                    .join(" "),
                            ),
                        })
                    };
                    let cell = Cell {
                        state: if value.is_some() {
                            CellState::Established
                        } else {
                            CellState::NotReviewed
                        },
                        value,
                        note: String::new(),
                        refs: vec![],
                        editorial: None,
                    };
                    (a.id.clone(), cell)
                })
                .collect();
            Treatment {
                id: format!("bench-t{i:03}"),
                name: format!("Bench treatment {i:03}"),
                other_names: vec![],
                class: format!("Class {}", i % 17),
                route: "By mouth".to_owned(),
                mechanism: "A generated treatment for the performance bench.".to_owned(),
                sites: vec![Site::ALL[i % 3]],
                values,
            }
        })
        .collect();

    // The ordinal attribute with the most levels: the fewest ties, the most rows that move.
    let sort_attribute = attributes
        .iter()
        .filter(|a| a.kind == AttributeKind::Ordinal)
        .max_by_key(|a| a.levels.len())
        .cloned()
        .expect("the generated attributes include ordinals");
    let refs: Vec<&Treatment> = treatments.iter().collect();
    let sorted_names = sort_treatments(&refs, &sort_attribute, SortDir::Asc)
        .into_iter()
        .map(|i| treatments[i].name.clone())
        .collect();
    Large {
        treatments: Treatments {
            schema: SCHEMA_VERSION,
            treatments,
        },
        attributes: Attributes {
            schema: SCHEMA_VERSION,
            attributes,
        },
        sort_attribute,
        sorted_names,
    }
}

impl Large {
    /// `/compare?all=1&view=rows`: every treatment of the generated catalogue, one row each.
    pub fn compare_path(&self) -> String {
        "/compare?all=1&view=rows".to_owned()
    }

    /// Copies `dist` to `to` and replaces its catalogue with the generated one. Returns the
    /// size of the new `treatments.json`.
    pub fn write_build(&self, dist: &Path, to: &Path) -> anyhow::Result<u64> {
        if to.exists() {
            std::fs::remove_dir_all(to).with_context(|| to.display().to_string())?;
        }
        copy_dir(dist, to)?;
        // The prerendered `/compare` page carries the real catalogue in the page (the files its
        // first view used), which the app would show instead of the generated one. Without that
        // data the page still loads the whole app (src/split.rs), which fetches the new files.
        let page = to.join("compare.html");
        let html = std::fs::read_to_string(&page).with_context(|| page.display().to_string())?;
        std::fs::write(&page, without_embedded_data(&html))
            .with_context(|| page.display().to_string())?;
        for name in ["compare.html.br", "compare.html.gz"] {
            let copy = to.join(name);
            if copy.exists() {
                std::fs::remove_file(&copy).with_context(|| copy.display().to_string())?;
            }
        }
        let content = to.join("content");
        // Compact: empty `refs` lists are left out (they default to empty), the least a real
        // catalogue of this size would weigh.
        let mut treatments = serde_json::to_value(&self.treatments)?;
        if let Some(list) = treatments["treatments"].as_array_mut() {
            for cell in list
                .iter_mut()
                .filter_map(|t| t["values"].as_object_mut())
                .flat_map(|values| values.values_mut())
                .filter_map(|cell| cell.as_object_mut())
            {
                if cell
                    .get("refs")
                    .and_then(|r| r.as_array())
                    .is_some_and(Vec::is_empty)
                {
                    cell.remove("refs");
                }
            }
        }
        let text = serde_json::to_string(&treatments)?;
        let file = content.join("treatments.json");
        std::fs::write(&file, &text).with_context(|| file.display().to_string())?;
        let text = serde_json::to_string(&self.attributes)?;
        let file = content.join("attributes.json");
        std::fs::write(&file, text).with_context(|| file.display().to_string())?;
        Ok(text_len(&content.join("treatments.json")))
    }
}

fn text_len(file: &Path) -> u64 {
    std::fs::metadata(file).map_or(0, |m| m.len())
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to).with_context(|| to.display().to_string())?;
    let entries = std::fs::read_dir(from).with_context(|| from.display().to_string())?;
    for entry in entries.flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).with_context(|| path.display().to_string())?;
        }
    }
    Ok(())
}

/// The vanilla baseline: the same table as the app's treatments-as-rows view (same markup and
/// classes, so the same CSS applies: two header rows, one sortable `<button>` header per
/// attribute, a cell button with the level dots per value), built from the same JSON files,
/// and a click handler that sorts like the app (ordinal by level, numbers numerically, text
/// ignoring case, not-established last, stable), records the sort in the address as the app
/// does, and moves the existing `<tr>`s into the new order.
pub fn vanilla_page(css_hrefs: &[String]) -> String {
    let groups: Vec<[&str; 2]> = Group::ALL.iter().map(|g| [g.id(), g.label()]).collect();
    let links: Vec<String> = css_hrefs
        .iter()
        .map(|href| {
            format!(
                r#"<link rel="stylesheet" href="{}" />"#,
                attribute_text(href)
            )
        })
        .collect();
    VANILLA.replace("{CSS}", &links.join("\n")).replace(
        "{GROUPS}",
        &serde_json::to_string(&groups).unwrap_or_default(),
    )
}

const VANILLA: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Compare treatments (vanilla JS baseline)</title>
{CSS}
</head>
<body>
<main id="main" class="page">
<section class="compare">
<h1>Compare treatments</h1>
<div class="cmp">
<div class="cmp-scroll" tabindex="0" role="region" aria-label="Comparison table (scrolls sideways)">
<table class="cmp-table cmp-table--rows">
<caption class="visually-hidden">Treatments compared side by side, one row per treatment; column headers sort</caption>
<thead><tr><td class="cmp-table__corner"></td></tr><tr><th scope="col" class="cmp-table__corner">Treatment</th></tr></thead>
<tbody></tbody>
</table>
</div>
</div>
</section>
</main>
<script>
(async () => {
  const GROUPS = {GROUPS};
  const [t, a] = await Promise.all([
    fetch('/content/treatments.json').then(r => r.json()),
    fetch('/content/attributes.json').then(r => r.json()),
  ]);
  const treatments = t.treatments;
  const groupOrder = GROUPS.map(g => g[0]);
  // Columns grouped in the app's group order, attributes in content order within a group.
  const attributes = a.attributes
    .map((attr, i) => [groupOrder.indexOf(attr.group), i, attr])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .map(x => x[2]);
  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  };
  function keyOf(attr, cell) {
    const v = cell ? cell.value : null;
    if (v === null || v === undefined) return null;
    switch (attr.kind) {
      case 'ordinal': { const i = attr.levels.indexOf(v); return i < 0 ? null : i; }
      case 'number': return typeof v === 'number' && isFinite(v) ? v + 0 : null;
      default: return typeof v === 'string' ? v.toLowerCase() : null;
    }
  }
  const show = (attr, cell) => {
    const key = keyOf(attr, cell);
    if (key === null) return 'Not yet reviewed';
    if (attr.kind === 'ordinal') return attr.levels[key];
    if (attr.kind === 'number') return attr.unit ? cell.value + ' ' + attr.unit : String(cell.value);
    return cell.value;
  };
  const table = document.querySelector('table');
  const [groupRow, headRow] = table.tHead.rows;
  const tbody = table.tBodies[0];
  for (const [id, label] of GROUPS) {
    const span = attributes.filter(x => x.group === id).length;
    if (!span) continue;
    groupRow.append(el('th', { scope: 'colgroup', colspan: span, class: 'cmp-group__header' },
      el('button', { type: 'button', class: 'cmp-group__toggle', 'aria-expanded': 'true' },
        el('span', { class: 'cmp-group__icon', 'aria-hidden': 'true' }, '▾'), label)));
  }
  const headers = attributes.map(attr => {
    const arrow = el('span', { class: 'cmp-sort__arrow', 'aria-hidden': 'true' }, '↕');
    const button = el('button', { type: 'button', class: 'cmp-sort' }, attr.label, arrow);
    const th = el('th', { scope: 'col', 'aria-sort': 'none', class: 'cmp-table__sortable' }, button);
    button.addEventListener('click', () => onSort(attr));
    headRow.append(th);
    return { attr, th, arrow };
  });
  const rows = treatments.map(tr => {
    const cells = attributes.map(attr => {
      const cell = tr.values[attr.id];
      const key = keyOf(attr, cell);
      const parts = [];
      if (attr.kind === 'ordinal' && key !== null) {
        const on = Math.min(key + 1, attr.levels.length);
        parts.push(el('span', { class: 'cmp-scale', 'aria-hidden': 'true' },
          el('span', {}, '●'.repeat(on)), '○'.repeat(attr.levels.length - on)));
      }
      parts.push(el('span', { class: 'cmp-cell__text' }, show(attr, cell)));
      return el('td', {}, el('button', {
        class: key === null ? 'cmp-cell cmp-cell--missing' : 'cmp-cell', 'data-attribute': attr.id,
        'aria-expanded': 'false', 'aria-controls': 'cmp-details',
      }, ...parts));
    });
    return el('tr', { 'data-treatment': tr.id },
      el('th', { scope: 'row', class: 'cmp-table__treatment' }, tr.name), ...cells);
  });
  tbody.append(...rows);
  let current = null;
  function onSort(attr) {
    let dir = 1;
    if (current && current.attr === attr) dir = current.dir === 1 ? -1 : 0;
    current = dir ? { attr, dir } : null;
    for (const h of headers) {
      const on = current && h.attr === attr;
      h.th.setAttribute('aria-sort', on ? (dir === 1 ? 'ascending' : 'descending') : 'none');
      h.arrow.textContent = on ? (dir === 1 ? '▲' : '▼') : '↕';
    }
    history.pushState(null, '', current ? '?sort=' + attr.id + (dir === 1 ? '-asc' : '-desc') : '?');
    if (!current) { tbody.append(...rows); return; }
    const keyed = [], missing = [];
    for (let i = 0; i < rows.length; i++) {
      const k = keyOf(attr, treatments[i].values[attr.id]);
      if (k === null) missing.push(rows[i]); else keyed.push([k, rows[i]]);
    }
    keyed.sort((x, y) => dir * (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    tbody.append(...keyed.map(x => x[1]), ...missing);
  }
  window.__benchReady = true;
})();
</script>
</body>
</html>
"#;

/// `text` safe inside a double-quoted HTML attribute.
fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// `html` without the `<script type="application/json" data-content="…">` elements in which a
/// prerendered page carries its content files.
pub fn without_embedded_data(html: &str) -> String {
    const OPEN: &str = "<script type=\"application/json\" data-content=";
    const CLOSE: &str = "</script>";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        match rest[start..].find(CLOSE) {
            Some(end) => rest = rest[start + end + CLOSE.len()..].trim_start_matches('\n'),
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_embedded_data;

    #[test]
    fn only_the_embedded_content_goes() {
        let page = "<div id=\"app\">x</div>\n<script type=\"application/json\" data-content=\"content/a.json\">{\"a\":1}</script>\n<script type=\"application/json\" data-content=\"content/b.json\">{}</script>\n<script type=\"module\" src=\"/l.js\"></script></body>";
        assert_eq!(
            without_embedded_data(page),
            "<div id=\"app\">x</div>\n<script type=\"module\" src=\"/l.js\"></script></body>"
        );
    }
}
