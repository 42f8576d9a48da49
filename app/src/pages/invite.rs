use crate::api::auth::{get_invitation, AcceptInvitation};
use crate::auth::enter_when;
use crate::components::feedback::loaded;
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, NewPasswordField, SubmitButton,
    TextField,
};
use crate::components::layout::PublicShell;
use crate::types::InvitationPreview;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AcceptInvitePage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let preview = Resource::new(token, get_invitation);
    view! {
        <PublicShell title="Join your team">
            {loaded(preview, move |p| view! { <AcceptForm preview=p token=token() /> }.into_any())}
        </PublicShell>
    }
}

#[component]
fn AcceptForm(preview: InvitationPreview, token: String) -> impl IntoView {
    let action = ServerAction::<AcceptInvitation>::new();
    let name = RwSignal::new(preview.name.clone());
    let password = RwSignal::new(String::new());
    enter_when(
        move || matches!(action.value().get(), Some(Ok(_))),
        "/home".into(),
    );
    let result = move || action.value().get();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, result);
    let token = StoredValue::new(token);
    view! {
        <h1>"Join " {preview.org_name.clone()}</h1>
        <p class="lede">
            "You have been invited as " <strong>{preview.roles.describe()}</strong> " with the email "
            <strong>{preview.email.clone()}</strong> ". Choose a password to finish."
        </p>
        <form node_ref=form_ref
            class="form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                action.dispatch(AcceptInvitation {
                    token: token.get_value(),
                    name: name.get(),
                    password: password.get(),
                });
            }
        >
            <TextField label="Your name" name="name" autocomplete="name" value=name error=field_error(result, "name") />
            <NewPasswordField label="Password" name="password" value=password error=field_error(result, "password") />
            <FormAlert error=form_error(result, &["name", "password"]) />
            <SubmitButton label="Join" busy_label="Joining…" pending=action.pending() wide=true />
        </form>
    }
}
