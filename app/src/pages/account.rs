use crate::api::auth::{get_time_zones, ChangePassword, SetMyTimeZone, SetOrgTimeZone};
use crate::auth::use_auth;
use crate::components::feedback::{ErrorPanel, Loading};
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, NewPasswordField, SubmitButton,
    TextField,
};
use crate::components::layout::{AppShell, PageHeader};
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    let auth = use_auth();
    view! {
        <AppShell title="Account">
            <PageHeader title="Account" lede="Your details, password and time zone." />
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
                <TimeZoneCard />
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
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, result);
    view! {
        <section class="card">
            <h2>"Change password"</h2>
            <p class="muted">"Changing it signs you out everywhere else."</p>
            <form node_ref=form_ref
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
                <NewPasswordField label="New password" name="new_password" value=new_password error=field_error(result, "new_password") />
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

/// The person's own zone and, for an admin, the organisation's.
#[component]
fn TimeZoneCard() -> impl IntoView {
    let auth = use_auth();
    let own_action = ServerAction::<SetMyTimeZone>::new();
    let org_action = ServerAction::<SetOrgTimeZone>::new();
    let zones = Resource::new(
        move || (own_action.version().get(), org_action.version().get()),
        |_| get_time_zones(),
    );
    // Every page reads its dates from `me`, so a saved zone shows at once.
    Effect::new(move |_| {
        if matches!(own_action.value().get(), Some(Ok(())))
            || matches!(org_action.value().get(), Some(Ok(())))
        {
            auth.refresh();
        }
    });
    view! {
        <section class="card">
            <h2>"Time zone"</h2>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match zones.await {
                        Ok(z) => view! { <ZoneForms z=z own_action=own_action org_action=org_action /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ZoneForms(
    z: crate::types::TimeZoneSettings,
    own_action: ServerAction<SetMyTimeZone>,
    org_action: ServerAction<SetOrgTimeZone>,
) -> impl IntoView {
    let own = RwSignal::new(z.own_zone.clone().unwrap_or_default());
    let org = RwSignal::new(z.org_zone.clone());
    let own_result = move || own_action.value().get();
    let org_result = move || org_action.value().get();
    let own_error = field_error(own_result, "own_zone");
    let org_error = field_error(org_result, "org_zone");
    let options = |names: &[String]| {
        names
            .iter()
            .map(|n| view! { <option value=n.clone()>{n.clone()}</option> })
            .collect_view()
    };
    let own_options = options(&z.names);
    let org_options = z.can_manage.then(|| options(&z.names));
    let org_zone = z.org_zone.clone();
    view! {
        <form
            class="form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                own_action.dispatch(SetMyTimeZone { own_zone: own.get() });
            }
        >
            <div class="field" class:has-error=move || own_error.get().is_some()>
                <label for="field-own_zone">"Your time zone"</label>
                <select
                    id="field-own_zone"
                    name="own_zone"
                    prop:value=move || own.get()
                    on:change=move |ev| own.set(event_target_value(&ev))
                    aria-invalid=move || own_error.get().is_some().then_some("true")
                    aria-describedby="field-own_zone-hint"
                >
                    <option value="">{format!("Same as the organisation ({org_zone})")}</option>
                    {own_options}
                </select>
                <p class="hint" id="field-own_zone-hint">"The times you read and type: call times, reviews, reminders."</p>
                {move || own_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <FormAlert error=form_error(own_result, &["own_zone"]) />
            {move || matches!(own_action.value().get(), Some(Ok(()))).then(|| view! {
                <p class="notice notice-ok" role="status">"Saved: times are shown in your chosen zone."</p>
            })}
            <SubmitButton label="Save my time zone" busy_label="Saving…" pending=own_action.pending() />
        </form>
        {org_options.map(|org_options| view! {
            <form
                class="form zone-org"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    org_action.dispatch(SetOrgTimeZone { org_zone: org.get() });
                }
            >
                <div class="field" class:has-error=move || org_error.get().is_some()>
                    <label for="field-org_zone">"Organisation time zone"</label>
                    <select
                        id="field-org_zone"
                        name="org_zone"
                        prop:value=move || org.get()
                        on:change=move |ev| org.set(event_target_value(&ev))
                        aria-invalid=move || org_error.get().is_some().then_some("true")
                        aria-describedby="field-org_zone-hint"
                    >
                        {org_options}
                    </select>
                    <p class="hint" id="field-org_zone-hint">"Where the organisation's days begin: every day, week and month in reports, due dates and imported times without an offset follow it."</p>
                    {move || org_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <FormAlert error=form_error(org_result, &["org_zone"]) />
                {move || matches!(org_action.value().get(), Some(Ok(()))).then(|| view! {
                    <p class="notice notice-ok" role="status">"Saved: reports now follow the organisation's new time zone."</p>
                })}
                <SubmitButton label="Save organisation time zone" busy_label="Saving…" pending=org_action.pending() />
            </form>
        })}
    }
}
