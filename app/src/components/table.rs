//! The product's data table: scrolls inside its card on narrow screens and
//! stacks into labelled rows on phones (`stack`).

use leptos::prelude::*;

/// A table with a header row of `headers`; an empty header is an unlabelled
/// actions column (named for screen readers). `children` are the body rows.
#[component]
pub fn DataTable(
    #[prop(into, default = "table stack".to_string())] class: String,
    headers: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0">
            <table class=class>
                <thead>
                    <tr>
                        {headers
                            .iter()
                            .map(|h| {
                                if h.is_empty() {
                                    view! { <th scope="col"><span class="sr-only">"Actions"</span></th> }.into_any()
                                } else {
                                    view! { <th scope="col">{*h}</th> }.into_any()
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
