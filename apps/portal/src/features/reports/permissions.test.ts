import { describe, expect, it } from 'vitest';
import { fieldLabelOf } from './field-labels';
import { allowedActions, type AllowedActions } from './permissions';

const TEAM = 'team-a';
const OTHER = 'team-b';
const officer = { leadTeamIds: [], authorTeamIds: [TEAM] };
const lead = { leadTeamIds: [TEAM], authorTeamIds: [TEAM] };
const otherLead = { leadTeamIds: [OTHER], authorTeamIds: [OTHER] };
const report = (status: 'draft' | 'submitted' | 'published' | 'withdrawn') => ({
  status,
  authorId: 'author',
  teamId: TEAM,
});
const on = (actions: AllowedActions) =>
  Object.entries(actions)
    .filter(([, allowed]) => allowed)
    .map(([name]) => name);

describe('the actions a report view offers', () => {
  it('lets the author submit and edit a draft', () => {
    expect(on(allowedActions(report('draft'), 'author', officer))).toEqual(['submit', 'edit']);
  });

  it('lets an authoring-team lead publish or edit a draft, but not submit it', () => {
    expect(on(allowedActions(report('draft'), 'lead', lead))).toEqual(['publish', 'edit']);
  });

  it('lets the lead return or publish a submitted report; the author waits', () => {
    expect(on(allowedActions(report('submitted'), 'lead', lead))).toEqual(['return', 'publish']);
    expect(on(allowedActions(report('submitted'), 'author', officer))).toEqual([]);
  });

  it('lets the author withdraw a published report and the lead amend or withdraw it', () => {
    expect(on(allowedActions(report('published'), 'author', officer))).toEqual(['withdraw']);
    expect(on(allowedActions(report('published'), 'lead', lead))).toEqual(['withdraw', 'amend']);
  });

  it('offers nothing on a withdrawn report, nor to a lead of another team', () => {
    expect(on(allowedActions(report('withdrawn'), 'lead', lead))).toEqual([]);
    expect(on(allowedActions(report('submitted'), 'x', otherLead))).toEqual([]);
    expect(on(allowedActions(report('published'), 'x', otherLead))).toEqual([]);
  });

  it('offers the author nothing once no longer an officer of the team', () => {
    const observer = { leadTeamIds: [], authorTeamIds: [] };
    expect(on(allowedActions(report('draft'), 'author', observer))).toEqual([]);
  });
});

describe('the label of a refused field', () => {
  it('names envelope and body fields', () => {
    expect(fieldLabelOf('title')).toEqual({ key: 'field.title', field: 'title', item: null });
    expect(fieldLabelOf('body.description')).toEqual({
      key: 'field.description',
      field: 'body.description',
      item: null,
    });
  });

  it('names an item of a list by its position from 1', () => {
    expect(fieldLabelOf('body.indicators.2')).toEqual({
      key: 'field.indicators',
      field: 'body.indicators',
      item: 3,
    });
  });

  it('has no label for a field it does not know', () => {
    expect(fieldLabelOf('body.route.origin')).toEqual({ key: null, field: null, item: null });
  });
});
