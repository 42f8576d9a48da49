//! Form fields with labels, hints and inline errors tied to the server's
//! field-specific messages.

use crate::error::AppError;
use leptos::prelude::*;

/// The message for `field` in the latest result of an action, if any.
pub fn field_error<T>(
    result: impl Fn() -> Option<Result<T, AppError>> + Send + Sync + 'static,
    field: &'static str,
) -> Signal<Option<String>>
where
    T: 'static,
{
    Signal::derive(move || match result() {
        Some(Err(e)) => e.for_field(field),
        _ => None,
    })
}

/// Errors that belong to no listed field: shown above the submit button.
pub fn form_error<T>(
    result: impl Fn() -> Option<Result<T, AppError>> + Send + Sync + 'static,
    fields: &'static [&'static str],
) -> Signal<Option<String>>
where
    T: 'static,
{
    Signal::derive(move || match result() {
        Some(Err(AppError::Invalid { field, .. })) if fields.contains(&field.as_str()) => None,
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    })
}

#[component]
pub fn TextField(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into, default = "text".to_string())] kind: String,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(into, optional)] autocomplete: Option<String>,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (error_id, hint_id, has_hint) = (error_id.clone(), hint_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                autofocus=autofocus
                bind:value=value
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}

/// A form-level error, e.g. wrong credentials.
#[component]
pub fn FormAlert(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <div class="form-alert" role="alert">
                    <svg viewBox="0 0 20 20" aria-hidden="true">
                        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm0 4v5m0 3h.01" />
                    </svg>
                    <span>{e}</span>
                </div>
            }
        })
    }
}

#[component]
pub fn SubmitButton(
    #[prop(into)] label: String,
    #[prop(into)] busy_label: String,
    #[prop(into)] pending: Signal<bool>,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    view! {
        <button class="button primary" class:wide=wide type="submit" disabled=move || pending.get()>
            {move || if pending.get() { busy_label.clone() } else { label.clone() }}
        </button>
    }
}
