use crate::api::auth::ChangePassword;
use crate::auth::use_auth;
use crate::components::feedback::Loading;
use crate::components::forms::{field_error, form_error, FormAlert, SubmitButton, TextField};
use crate::components::layout::{AppShell, PageHeader};
use crate::domain::validation::MIN_PASSWORD_LEN;
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <AppShell title="Account">
            <PageHeader title="Account" lede="Your details and password." />
            <div class="grid">
                <section class="card">
                    <h2>"Your details"</h2>
                    <Suspense fallback=|| view! { <Loading /> }>
                        {move || Suspend::new(async move {
                            auth.me.await.ok().flatten().map(|me| view! {
                                <dl class="details">
                                    <div><dt>"Name"</dt><dd>{me.name.clone()}</dd></div>
                                    <div><dt>"Email"</dt><dd>{me.email.clone()}</dd></div>
                                    <div><dt>"Organisation"</dt><dd>{me.org_name.clone()}</dd></div>
                                    <div><dt>"Roles"</dt><dd>{me.roles.describe()}</dd></div>
                                </dl>
                                <p class="muted">"To change your name, email or roles, ask an admin of your organisation."</p>
                            })
                        })}
                    </Suspense>
                </section>
                <PasswordCard />
            </div>
        </AppShell>
    }
}

#[component]
fn PasswordCard() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let current = RwSignal::new(String::new());
    let new_password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            current.set(String::new());
            new_password.set(String::new());
            confirm.set(String::new());
        }
    });
    let result = move || action.value().get();
    view! {
        <section class="card">
            <h2>"Change password"</h2>
            <p class="muted">"Changing it signs you out everywhere else."</p>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    action.dispatch(ChangePassword {
                        current: current.get(),
                        new_password: new_password.get(),
                        confirm: confirm.get(),
                    });
                }
            >
                <TextField label="Current password" name="current" kind="password" autocomplete="current-password" value=current error=field_error(result, "current") />
                <TextField
                    label="New password"
                    name="new_password"
                    kind="password"
                    autocomplete="new-password"
                    hint=format!("At least {MIN_PASSWORD_LEN} characters.")
                    value=new_password
                    error=field_error(result, "new_password")
                />
                <TextField label="Repeat new password" name="confirm" kind="password" autocomplete="new-password" value=confirm error=field_error(result, "confirm") />
                <FormAlert error=form_error(result, &["current", "new_password", "confirm"]) />
                {move || matches!(action.value().get(), Some(Ok(()))).then(|| view! {
                    <p class="notice notice-ok" role="status">"Password changed. Other sessions have been signed out."</p>
                })}
                <SubmitButton label="Change password" busy_label="Saving…" pending=action.pending() />
            </form>
        </section>
    }
}
