//! The comparison table, in both orientations.

use leptos::prelude::*;

use super::{cell_button_id, use_set_state, CompareData, OpenCell};
use crate::model::compare::{
    display_value, judge, level_position, next_sort, ordered_treatments, visible_rows,
    CompareState, Judgement, SortDir, View,
};
use crate::model::{Attribute, Group, Treatment};

/// Groups and their visible attribute ids, as the table lays them out.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    groups: Vec<(Group, bool, Vec<String>)>,
    chosen: Vec<String>,
    baseline: Option<String>,
}

fn layout(state: &CompareState, data: &CompareData) -> Layout {
    let chosen: Vec<&Treatment> = state
        .treatments
        .iter()
        .filter_map(|id| data.treatment(id))
        .collect();
    let groups = visible_rows(state, &chosen, &data.attributes.attributes)
        .into_iter()
        .map(|g| {
            let collapsed = state.collapsed_groups.contains(&g.group);
            (
                g.group,
                collapsed,
                g.attributes.iter().map(|a| a.id.clone()).collect(),
            )
        })
        .collect();
    Layout {
        groups,
        chosen: state.treatments.clone(),
        baseline: state.baseline.clone(),
    }
}

#[component]
pub fn CompareTable(state: Memo<CompareState>, data: CompareData, open: OpenCell) -> impl IntoView {
    let layout = Memo::new({
        let data = data.clone();
        move |_| layout(&state.get(), &data)
    });
    let view_kind = Memo::new(move |_| state.with(|s| s.view));
    move || match view_kind.get() {
        View::Columns => columns_table(layout, state, data.clone(), open).into_any(),
        View::Rows => rows_table(layout, state, data.clone(), open).into_any(),
    }
}

fn toggle_group(state: Memo<CompareState>, set: impl Fn(CompareState), group: Group) {
    let mut next = state.get_untracked();
    if !next.collapsed_groups.remove(&group) {
        next.collapsed_groups.insert(group);
    }
    set(next);
}

fn group_button(state: Memo<CompareState>, group: Group, collapsed: bool) -> impl IntoView {
    let set = use_set_state();
    view! {
        <button
            type="button"
            class="cmp-group__toggle"
            aria-expanded=(!collapsed).to_string()
            on:click=move |_| toggle_group(state, &set, group)
        >
            <span class="cmp-group__icon" aria-hidden="true">{if collapsed { "▸" } else { "▾" }}</span>
            {group.label()}
        </button>
    }
}

/// Treatments as columns, attributes as rows (grouped, groups collapsible).
fn columns_table(
    layout: Memo<Layout>,
    state: Memo<CompareState>,
    data: CompareData,
    open: OpenCell,
) -> impl IntoView {
    move || {
        let layout = layout.get();
        let treatments: Vec<&Treatment> = layout
            .chosen
            .iter()
            .filter_map(|id| data.treatment(id))
            .collect();
        let baseline = layout.baseline.as_deref().and_then(|id| data.treatment(id));
        let span = treatments.len() + 1;
        let head = treatments
            .iter()
            .map(|t| {
                let mark =
                    (layout.baseline.as_deref() == Some(t.id.as_str())).then_some(" (baseline)");
                view! { <th scope="col" class="cmp-table__treatment">{t.name.clone()}{mark}</th> }
            })
            .collect_view();
        let bodies = layout
            .groups
            .iter()
            .map(|(group, collapsed, attrs)| {
                let rows = (!collapsed).then(|| {
                    attrs
                        .iter()
                        .filter_map(|id| data.attribute(id))
                        .map(|attr| {
                            let cells = treatments
                                .iter()
                                .map(|t| view! { <td>{cell(t, attr, baseline, open)}</td> })
                                .collect_view();
                            view! {
                                <tr>
                                    <th scope="row" class="cmp-table__attribute">
                                        {attr.label.clone()}
                                        <span class="cmp-table__description">{attr.description.clone()}</span>
                                    </th>
                                    {cells}
                                </tr>
                            }
                        })
                        .collect_view()
                });
                view! {
                    <tbody class="cmp-group">
                        <tr class="cmp-group__header">
                            <th scope="colgroup" colspan=span>{group_button(state, *group, *collapsed)}</th>
                        </tr>
                        {rows}
                    </tbody>
                }
            })
            .collect_view();
        view! {
            <table class="cmp-table cmp-table--columns">
                <caption class="visually-hidden">"Treatments compared side by side, one column per treatment"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="cmp-table__corner">"Attribute"</th>
                        {head}
                    </tr>
                </thead>
                {bodies}
            </table>
        }
    }
}

/// Treatments as rows (sortable by any attribute), attributes as columns.
fn rows_table(
    layout: Memo<Layout>,
    state: Memo<CompareState>,
    data: CompareData,
    open: OpenCell,
) -> impl IntoView {
    let set = use_set_state();
    let order = Memo::new({
        let data = data.clone();
        move |_| {
            let state = state.get();
            let all: Vec<&Treatment> = data.treatments.treatments.iter().collect();
            ordered_treatments(&state, &all, &data.attributes.attributes)
                .into_iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        }
    });
    let sort = Memo::new(move |_| state.with(|s| s.sort.clone()));
    let head = {
        let data = data.clone();
        move || {
            let layout = layout.get();
            let group_cells = layout
                .groups
                .iter()
                .map(|(group, collapsed, attrs)| {
                    let span = if *collapsed { 1 } else { attrs.len().max(1) };
                    view! { <th scope="colgroup" colspan=span class="cmp-group__header">{group_button(state, *group, *collapsed)}</th> }
                })
                .collect_view();
            let attr_cells = per_column(&layout, &data, |attr| {
                sort_header(attr, sort, state, set.clone()).into_any()
            });
            view! {
                <tr>
                    <td class="cmp-table__corner"></td>
                    {group_cells}
                </tr>
                <tr>
                    <th scope="col" class="cmp-table__corner">"Treatment"</th>
                    {attr_cells}
                </tr>
            }
        }
    };
    // Keyed rows: sorting moves the existing rows instead of rebuilding them.
    let row_data = data.clone();
    view! {
        <table class="cmp-table cmp-table--rows">
            <caption class="visually-hidden">"Treatments compared side by side, one row per treatment; column headers sort"</caption>
            <thead>{head}</thead>
            <tbody>
                <For each=move || order.get() key=|id| id.clone() let:id>
                    {
                        let data = row_data.clone();
                        let name = data.treatment(&id).map(|t| t.name.clone()).unwrap_or_default();
                        let is_base = {
                            let id = id.clone();
                            move || layout.with(|l| l.baseline.as_deref() == Some(id.as_str()))
                        };
                        view! {
                            <tr>
                                <th scope="row" class="cmp-table__treatment">
                                    {name}
                                    {move || is_base().then_some(" (baseline)")}
                                </th>
                                {move || row_cells(&id, &layout.get(), &data, open)}
                            </tr>
                        }
                    }
                </For>
            </tbody>
        </table>
    }
}

fn row_cells(id: &str, layout: &Layout, data: &CompareData, open: OpenCell) -> Vec<AnyView> {
    let Some(treatment) = data.treatment(id) else {
        return Vec::new();
    };
    let baseline = layout.baseline.as_deref().and_then(|b| data.treatment(b));
    per_column(layout, data, |attr| {
        view! { <td>{cell(treatment, attr, baseline, open)}</td> }.into_any()
    })
}

/// One view per visible attribute column in the rows layout; a collapsed group keeps a single
/// empty cell so the columns stay aligned with its header.
fn per_column(
    layout: &Layout,
    data: &CompareData,
    mut each: impl FnMut(&Attribute) -> AnyView,
) -> Vec<AnyView> {
    let mut views = Vec::new();
    for (_, collapsed, attrs) in &layout.groups {
        if *collapsed {
            views.push(view! { <td class="cmp-table__folded"></td> }.into_any());
        } else {
            views.extend(
                attrs
                    .iter()
                    .filter_map(|id| data.attribute(id))
                    .map(&mut each),
            );
        }
    }
    views
}

fn sort_header(
    attr: &Attribute,
    sort: Memo<Option<crate::model::compare::Sort>>,
    state: Memo<CompareState>,
    set: impl Fn(CompareState) + Clone + 'static,
) -> impl IntoView {
    let id = attr.id.clone();
    let aria = {
        let id = id.clone();
        move || match sort.get() {
            Some(s) if s.attribute == id => s.dir.aria_sort(),
            _ => "none",
        }
    };
    let arrow = {
        let id = id.clone();
        move || match sort.get() {
            Some(s) if s.attribute == id && s.dir == SortDir::Asc => "▲",
            Some(s) if s.attribute == id => "▼",
            _ => "↕",
        }
    };
    view! {
        <th scope="col" aria-sort=aria class="cmp-table__sortable">
            <button
                type="button"
                class="cmp-sort"
                on:click=move |_| {
                    let mut next = state.get_untracked();
                    next.sort = next_sort(next.sort.as_ref(), &id);
                    set(next);
                }
            >
                {attr.label.clone()}
                <span class="cmp-sort__arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// The small visual scale of an ordinal value (the words beside it carry the same meaning).
pub fn scale(attr: &Attribute, value: Option<&crate::model::Cell>) -> Option<impl IntoView> {
    level_position(attr, value).map(|(pos, count)| {
        let dots = (0..count)
            .map(|i| view! { <span class=if i <= pos { "cmp-scale__dot is-on" } else { "cmp-scale__dot" }></span> })
            .collect_view();
        view! { <span class="cmp-scale" aria-hidden="true">{dots}</span> }
    })
}

/// One value: text, a small scale for ordinal values, the baseline mark, and a button that
/// opens the cell's explanation.
fn cell(
    treatment: &Treatment,
    attr: &Attribute,
    baseline: Option<&Treatment>,
    open: OpenCell,
) -> impl IntoView {
    let value = treatment.values.get(&attr.id);
    let text = display_value(attr, value);
    let scale = scale(attr, value);
    let judgement = baseline
        .filter(|b| b.id != treatment.id)
        .and_then(|b| judge(attr, b.values.get(&attr.id), value))
        .map(|j| {
            let (class, symbol) = match j {
                Judgement::Better => ("cmp-mark cmp-mark--better", "▲"),
                Judgement::Worse => ("cmp-mark cmp-mark--worse", "▼"),
                Judgement::Same => ("cmp-mark cmp-mark--same", "="),
            };
            view! {
                <span class=class>
                    <span aria-hidden="true">{symbol}</span>
                    <span class="cmp-mark__text">{j.label()}</span>
                </span>
            }
        });
    let key = (treatment.id.clone(), attr.id.clone());
    let expanded = {
        let key = key.clone();
        move || open.with(|o| o.as_ref() == Some(&key)).to_string()
    };
    let missing = value.and_then(|c| c.value.as_ref()).is_none();
    view! {
        <button
            type="button"
            id=cell_button_id(&treatment.id, &attr.id)
            class=if missing { "cmp-cell cmp-cell--missing" } else { "cmp-cell" }
            aria-expanded=expanded
            aria-controls="cmp-details"
            on:click=move |_| {
                let key = key.clone();
                open.update(|o| *o = if o.as_ref() == Some(&key) { None } else { Some(key) });
            }
        >
            {scale}
            <span class="cmp-cell__text">{text}</span>
            {judgement}
        </button>
    }
}
