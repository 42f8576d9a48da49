//! The practice log: role-plays and solo practice with the behaviours
//! practised, a self or peer rating and a reflection.

use crate::api::development::{get_practice_log, LogPractice};
use crate::components::feedback::reloadable;
use crate::components::forms::{
    field_error, focus_first_error, form_error, until_edited, FormAlert, SelectField, SubmitButton,
    TextField,
};
use crate::components::layout::{AppShell, PageHeader};
use crate::components::reload::{provide_reload, use_reload};
use crate::domain::practice::PracticeKind;
use crate::pages::development::PracticeList;
use crate::types::PracticeLog;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PracticePage() -> impl IntoView {
    view! {
        <AppShell title="Practice log">
            <Practice />
        </AppShell>
    }
}

#[component]
fn Practice() -> impl IntoView {
    let query = use_query_map();
    let agent =
        Memo::new(move |_| query.with(|q| q.get("agent").and_then(|v| v.parse::<i32>().ok())));
    let reload = provide_reload();
    // Lives outside the suspense: saving refreshes the log, which builds the
    // form anew, and the confirmation must outlast that.
    let saved = RwSignal::new(false);
    let data = Resource::new(
        move || (agent.get(), reload.version()),
        |(key, _)| get_practice_log(key),
    );
    view! {
        {reloadable(data, move |log| view! { <Log log=log saved=saved /> }.into_any())}
    }
}

#[component]
fn Log(log: PracticeLog, saved: RwSignal<bool>) -> impl IntoView {
    let title = if log.is_self {
        "Practice log".to_string()
    } else {
        format!("{}'s practice log", log.agent.name)
    };
    let back = if log.is_self {
        "/development".to_string()
    } else {
        format!("/development?agent={}", log.agent.id)
    };
    view! {
        <PageHeader title=title lede="Practise a behaviour in a safe setting before live calls: a role-play with a peer or coach, or practice on your own.">
            <a class="button" href=back>"Development"</a>
        </PageHeader>
        <div class="practice-layout">
            {log.is_self.then(|| view! { <PracticeForm log=log.clone() saved=saved /> })}
            <section class="card">
                <h2>{format!("{} session{}", log.entries.len(), if log.entries.len() == 1 { "" } else { "s" })}</h2>
                <PracticeList entries=log.entries.clone() />
            </section>
        </div>
    }
}

#[component]
fn PracticeForm(log: PracticeLog, saved: RwSignal<bool>) -> impl IntoView {
    let reload = use_reload();
    let save = ServerAction::<LogPractice>::new();
    let on = RwSignal::new(log.today.clone());
    let kind = RwSignal::new(PracticeKind::RolePlay.key().to_string());
    let scenario = RwSignal::new(String::new());
    let rater = RwSignal::new("peer".to_string());
    let peer = RwSignal::new(String::new());
    let rating = RwSignal::new(String::new());
    let reflection = RwSignal::new(String::new());
    let picked: Vec<(String, String, RwSignal<bool>)> = log
        .behaviours
        .iter()
        .map(|(l, n)| (l.clone(), n.clone(), RwSignal::new(false)))
        .collect();
    let picked = StoredValue::new(picked);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            scenario.set(String::new());
            reflection.set(String::new());
            rating.set(String::new());
            picked.with_value(|p| p.iter().for_each(|(_, _, s)| s.set(false)));
            saved.set(true);
            reload.run();
        }
    });
    let result = move || save.value().get();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        save.dispatch(LogPractice {
            practised_on: on.get(),
            kind: kind.get(),
            behaviours: picked.with_value(|p| {
                p.iter()
                    .filter(|x| x.2.get_untracked())
                    .map(|x| x.0.clone())
                    .collect()
            }),
            scenario: scenario.get(),
            rater: rater.get(),
            peer_name: peer.get(),
            rating: rating.get().parse().unwrap_or_default(),
            reflection: reflection.get(),
        });
    };
    const FIELDS: &[&str] = &[
        "practised_on",
        "kind",
        "behaviours",
        "scenario",
        "rater",
        "peer_name",
        "rating",
        "reflection",
    ];
    let err = move |f: &'static str| field_error(result, f);
    let form = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form, result);
    // Ticking a behaviour or writing the scenario clears what was said about it.
    let (behaviours_error, behaviours_edited) = until_edited(err("behaviours"));
    let (scenario_error, scenario_edited) = until_edited(err("scenario"));
    view! {
        <form class="card form practice-form" novalidate on:submit=submit node_ref=form>
            <h2>"Log a session"</h2>
            <TextField label="Date" name="practised_on" kind="date" value=on error=err("practised_on") />
            <fieldset class="field">
                <legend>"Kind"</legend>
                <div class="segmented">
                    {PracticeKind::ALL.iter().map(|k| {
                        let key = k.key();
                        view! { <label class="check"><input type="radio" name="kind" value=key checked=move || kind.get() == key on:change=move |_| kind.set(key.to_string()) />" "{k.label()}</label> }
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset class="field" class:has-error=move || behaviours_error.get().is_some()>
                <legend>"Behaviours practised"</legend>
                <div class="behaviour-picks">
                    {picked.with_value(|p| p.iter().map(|(l, n, s)| {
                        let s = *s;
                        view! {
                            <label class="check">
                                <input type="checkbox" value=l.clone() bind:checked=s on:change=move |_| behaviours_edited()
                                    aria-invalid=move || behaviours_error.get().is_some().then_some("true")
                                    aria-describedby=move || behaviours_error.get().is_some().then_some("field-behaviours-error") />
                                " "{n.clone()}
                            </label>
                        }
                    }).collect_view())}
                </div>
                {move || behaviours_error.get().map(|e| view! { <p class="field-error" id="field-behaviours-error">{e}</p> })}
            </fieldset>
            <div class="field" class:has-error=move || scenario_error.get().is_some()>
                <label for="field-scenario">"Scenario"</label>
                <textarea id="field-scenario" rows="2" bind:value=scenario on:input=move |_| scenario_edited()
                    aria-invalid=move || scenario_error.get().is_some().then_some("true")
                    aria-describedby=move || scenario_error.get().is_some().then_some("field-scenario-error")
                    placeholder="e.g. Customer disputes a late-payment fee and asks for a manager"></textarea>
                {move || scenario_error.get().map(|e| view! { <p class="field-error" id="field-scenario-error">{e}</p> })}
            </div>
            <fieldset class="field">
                <legend>"Who rated it"</legend>
                <div class="segmented">
                    <label class="check"><input type="radio" name="rater" value="peer" checked=move || rater.get() == "peer" on:change=move |_| rater.set("peer".into()) />" A peer"</label>
                    <label class="check"><input type="radio" name="rater" value="self" checked=move || rater.get() == "self" on:change=move |_| rater.set("self".into()) />" Myself"</label>
                </div>
            </fieldset>
            <Show when=move || rater.get() == "peer">
                <TextField label="Peer's name" name="peer_name" value=peer error=err("peer_name") />
            </Show>
            <SelectField label="Rating" name="rating" value=rating error=err("rating")>
                <option value="">"Choose…"</option>
                {(1..=5).map(|l: usize| view! { <option value=l.to_string()>{format!("{l} · {}", crate::domain::scoring::LEVEL_NAMES[l - 1])}</option> }).collect_view()}
            </SelectField>
            <div class="field" class:has-error=move || err("reflection").get().is_some()>
                <label for="field-reflection">"Reflection (optional)"</label>
                <textarea id="field-reflection" rows="3" bind:value=reflection placeholder="What went well, what you will do differently on a live call"></textarea>
                {move || err("reflection").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <FormAlert error=form_error(result, FIELDS) />
            <div class="form-actions">
                <SubmitButton label="Log session" busy_label="Saving…" pending=save.pending() />
                <Show when=move || saved.get()><span class="saved" role="status">"Logged."</span></Show>
            </div>
        </form>
    }
}
