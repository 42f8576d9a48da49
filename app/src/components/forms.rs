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

/// The message for `field` in an action's latest result, as the paragraph
/// under the field.
pub fn field_note<T>(
    result: RwSignal<Option<Result<T, AppError>>>,
    field: &'static str,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    move || {
        result.with(|r| match r {
            Some(Err(e)) => e
                .for_field(field)
                .map(|t| view! { <p class="field-error">{t}</p> }),
            _ => None,
        })
    }
}

/// An action's latest error unless it names a field (that one is shown
/// under its field).
pub fn unfielded_error<T>(result: RwSignal<Option<Result<T, AppError>>>) -> Signal<Option<String>>
where
    T: Send + Sync + 'static,
{
    Signal::derive(move || {
        result.with(|r| match r {
            Some(Err(AppError::Invalid { .. })) | None | Some(Ok(_)) => None,
            Some(Err(e)) => Some(e.to_string()),
        })
    })
}

/// Errors that belong to no listed field, shown above the submit button;
/// with several fields wrong, a count that points to them.
pub fn form_error<T>(
    result: impl Fn() -> Option<Result<T, AppError>> + Send + Sync + 'static,
    fields: &'static [&'static str],
) -> Signal<Option<String>>
where
    T: 'static,
{
    Signal::derive(move || match result() {
        Some(Err(AppError::Invalid { field, .. })) if fields.contains(&field.as_str()) => None,
        Some(Err(AppError::InvalidFields(list)))
            if list.iter().all(|p| fields.contains(&p.field.as_str())) =>
        {
            Some(format!(
                "{} fields need attention; each says what is wrong.",
                list.len()
            ))
        }
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    })
}

/// After a submission fails on bad input, moves focus to the first field
/// marked invalid in `form` (else to the form's alert), so a keyboard or
/// screen-reader user lands on what needs fixing rather than on the page.
pub fn focus_first_error<T>(
    form: NodeRef<leptos::html::Form>,
    result: impl Fn() -> Option<Result<T, AppError>> + Send + Sync + 'static,
) where
    T: 'static,
{
    Effect::new(move |_| {
        if !matches!(result(), Some(Err(_))) {
            return;
        }
        // After this update has reached the page.
        request_animation_frame(move || {
            use leptos::wasm_bindgen::JsCast;
            let Some(form) = form.get_untracked() else {
                return;
            };
            let target = form
                .query_selector("[aria-invalid=\"true\"], .form-alert")
                .ok()
                .flatten();
            // A group (a set of radios, say) takes focus on its first control.
            let target = target.map(|e| {
                if e.tag_name() == "FIELDSET" {
                    e.query_selector("input, select, textarea, button")
                        .ok()
                        .flatten()
                        .unwrap_or(e)
                } else {
                    e
                }
            });
            if let Some(el) = target.and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
            {
                if el.get_attribute("tabindex").is_none() && el.class_list().contains("form-alert")
                {
                    let _ = el.set_attribute("tabindex", "-1");
                }
                let _ = el.focus();
            }
        });
    });
}

/// An error shown until the person edits the field it is about: a fixed
/// field stops saying it is wrong before the form is sent again.
pub fn until_edited(error: Signal<Option<String>>) -> (Signal<Option<String>>, impl Fn() + Copy) {
    let edited = RwSignal::new(false);
    Effect::new(move |_| {
        error.track();
        edited.set(false);
    });
    (
        Signal::derive(move || if edited.get() { None } else { error.get() }),
        move || edited.set(true),
    )
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
    let (error, edited) = until_edited(error);
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
                on:input=move |_| edited()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}

/// A password someone chooses, with the rule it must meet.
#[component]
pub fn NewPasswordField(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <TextField
            label=label
            name=name
            kind="password"
            autocomplete="new-password"
            hint=format!("At least {} characters. A short phrase is easy to remember and hard to guess.", crate::domain::validation::MIN_PASSWORD_LEN)
            value=value
            error=error
        />
    }
}

/// A labelled select whose options are its children, with its error
/// marked the way [`TextField`] marks one.
#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let (error, edited) = until_edited(error);
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let described = {
        let error_id = error_id.clone();
        move || error.get().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                bind:value=value
                on:change=move |_| edited()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            >
                {children()}
            </select>
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
