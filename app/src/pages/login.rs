use crate::api::auth::LogIn;
use crate::auth::enter_when;
use crate::components::forms::{field_error, form_error, FormAlert, SubmitButton, TextField};
use crate::components::layout::PublicShell;
use leptos::prelude::*;

#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<LogIn>::new();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let next = super::next_path();
    enter_when(move || matches!(action.value().get(), Some(Ok(_))), next);
    let result = move || action.value().get();
    view! {
        <PublicShell title="Log in">
            <h1>"Log in"</h1>
            <p class="lede">"Welcome back. Use the email address your organisation knows you by."</p>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    action.dispatch(LogIn { email: email.get(), password: password.get() });
                }
            >
                <TextField
                    label="Email"
                    name="email"
                    kind="email"
                    autocomplete="username"
                    autofocus=true
                    value=email
                    error=field_error(result, "email")
                />
                <TextField
                    label="Password"
                    name="password"
                    kind="password"
                    autocomplete="current-password"
                    value=password
                    error=field_error(result, "password")
                />
                <FormAlert error=form_error(result, &["email", "password"]) />
                <SubmitButton label="Log in" busy_label="Logging in…" pending=action.pending() wide=true />
            </form>
            <p class="switch">"New to Rapport? " <a href="/signup">"Create your organisation"</a></p>
        </PublicShell>
    }
}
