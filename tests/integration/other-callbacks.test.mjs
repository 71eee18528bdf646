// The commands besides messages that `scopes` turns on (contract v2, issue 16), in workerd with
// real KV, queues and origin, on the samples of Tencent's pages byte for byte
// (tests/fixtures/seeds/other/, comments and all).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gateForSuite, seedObject, seedSample } from "./harness.mjs";

const RULES = {
  block: [{ term: "buy followers", code: 10110, info: "No ads" }],
  review: ["telegram"],
  scopes: { group_profile: true, join_requests: true, friend_requests: true },
};
const OK = { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 };

describe("other callbacks, scopes on", () => {
  const suite = gateForSuite({ rules: RULES });
  const send = async (command, body) => (await suite.gate.send(command, body)).json;
  const variant = (name, change) => {
    const body = seedObject(`other/${name}`);
    change(body);
    return body;
  };

  it("every sample as printed is allowed in Tencent's answer shape", async () => {
    for (const [command, name] of [
      ["Group.CallbackBeforeCreateGroup", "before-create-group"],
      ["Group.CallbackBeforeCreateTopic", "before-create-topic"],
      ["Group.CallbackBeforeApplyJoinGroup", "before-apply-join-group"],
      ["Group.CallbackBeforeInviteJoinGroup", "before-invite-join-group"],
    ]) {
      assert.deepEqual(await send(command, seedSample(`other/${name}`)), OK, name);
    }
    for (const [command, name] of [
      ["Sns.CallbackPrevFriendAdd", "prev-friend-add"],
      ["Sns.CallbackPrevFriendResponse", "prev-friend-response"],
    ]) {
      assert.deepEqual(await send(command, seedSample(`other/${name}`)), {
        ActionStatus: "OK",
        ErrorCode: 0,
        ErrorInfo: "",
        ResultItem: [
          { To_Account: "id1", ResultCode: 0, ResultInfo: "" },
          { To_Account: "id2", ResultCode: 0, ResultInfo: "" },
        ],
      }, name);
    }
    assert.equal(suite.origin.received.length, 0, "decided here: nothing asked of the origin");
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(line.command, "Sns.CallbackPrevFriendResponse");
    assert.equal(line.outcome, "allow");
  });

  it("a group or topic name with an evasive spelling of a term is refused with the document's code", async () => {
    for (const name of ["B.U.Y f0ll0wers", "ｂｕｙ　ｆｏｌｌｏｗｅｒｓ", "buy\u200bfollowers"]) {
      const group = variant("before-create-group", (b) => (b.Name = name));
      assert.deepEqual(await send("Group.CallbackBeforeCreateGroup", group), { ActionStatus: "OK", ErrorInfo: "No ads", ErrorCode: 10110 }, name);
      const topic = variant("before-create-topic", (b) => (b.Name = name));
      assert.equal((await send("Group.CallbackBeforeCreateTopic", topic)).ErrorCode, 10110, name);
    }
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.deepEqual([line.outcome, line.code, line.matched], ["block", 10110, ["Name: global/block:buy followers"]]);
    assert.equal(line.sender, "leckie");
  });

  it("a banned applicant is refused; a banned invitee is dropped and the others join", async () => {
    await suite.gate.kv.put("ban:@TGS#2J4SZEAEL:jared", JSON.stringify({ until: null, reason: "Muted here", code: 10160 }));
    assert.deepEqual(await send("Group.CallbackBeforeApplyJoinGroup", seedSample("other/before-apply-join-group")), {
      ActionStatus: "OK", ErrorInfo: "Muted here", ErrorCode: 10160,
    });
    assert.deepEqual(await send("Group.CallbackBeforeInviteJoinGroup", seedSample("other/before-invite-join-group")), {
      ...OK, RefusedMembers_Account: ["jared"],
    });
    // Banned everywhere: refused in any group.
    await suite.gate.kv.put("ban:jared", JSON.stringify({ until: null, reason: "Banned" }));
    const elsewhere = variant("before-apply-join-group", (b) => (b.GroupId = "@TGS#other"));
    assert.deepEqual(await send("Group.CallbackBeforeApplyJoinGroup", elsewhere), { ActionStatus: "OK", ErrorInfo: "Banned", ErrorCode: 1 });
    // A group created with a banned initial member (the sample's MemberList has peter).
    assert.deepEqual(await send("Group.CallbackBeforeCreateGroup", seedSample("other/before-create-group")), OK);
    await suite.gate.kv.put("ban:peter", JSON.stringify({ until: null, reason: "peter's own reason" }));
    assert.deepEqual(await send("Group.CallbackBeforeCreateGroup", seedSample("other/before-create-group")), { ...OK, ErrorCode: 1 });
  });

  it("friend requests are answered per item: one allowed, one refused, in one request", async () => {
    const body = variant("prev-friend-add", (b) => (b.FriendItem[1].AddWording = "B-U-Y followers from me"));
    assert.deepEqual((await send("Sns.CallbackPrevFriendAdd", body)).ResultItem, [
      { To_Account: "id1", ResultCode: 0, ResultInfo: "" },
      { To_Account: "id2", ResultCode: 38000, ResultInfo: "No ads" },
    ]);
    const response = variant("prev-friend-response", (b) => (b.ResponseFriendItem[0].TagName = "buy followers"));
    assert.deepEqual((await send("Sns.CallbackPrevFriendResponse", response)).ResultItem.map((i) => i.ResultCode), [38000, 0]);
  });

  it("a review term lets the name through and sends a review event naming the field", async () => {
    const group = variant("before-create-group", (b) => (b.Name = "telegram fans"));
    assert.deepEqual(await send("Group.CallbackBeforeCreateGroup", group), OK);
    const event = await suite.origin.next((r) => r.url.includes("CallbackCommand=Timgate.Review"));
    const body = JSON.parse(event.body);
    assert.deepEqual([body.OriginalCommand, body.Field, body.MsgBody[0].MsgContent.Text], ["Group.CallbackBeforeCreateGroup", "Name", "telegram fans"]);
  });

  it("an after-notification is passed on as before, and a match in it sends a review event with the field", async () => {
    const notification = {
      CallbackCommand: "Group.CallbackAfterGroupInfoChanged",
      GroupId: "@TGS#2J4SZEAEL",
      Type: "Public",
      Operator_Account: "leckie",
      Notification: "buy followers at my shop",
      EventTime: "1670574414123",
    };
    assert.deepEqual(await send("Group.CallbackAfterGroupInfoChanged", notification), OK);
    const passedOn = await suite.origin.next((r) => r.url.includes("CallbackCommand=Group.CallbackAfterGroupInfoChanged"));
    assert.equal(JSON.parse(passedOn.body).Notification, "buy followers at my shop");
    const review = JSON.parse((await suite.origin.next((r) => r.url.includes("CallbackCommand=Timgate.Review"))).body);
    assert.deepEqual([review.OriginalCommand, review.Field, review.GroupId, review.action], ["Group.CallbackAfterGroupInfoChanged", "Notification", "@TGS#2J4SZEAEL", "block"]);
    // A nickname, in a profile change.
    const nick = { CallbackCommand: "Profile.CallbackPortraitSet", From_Account: "bob", EventTime: 1631777344870, ProfileItem: [{ Tag: "Tag_Profile_IM_Nick", Value: "buy.followers" }] };
    assert.deepEqual(await send("Profile.CallbackPortraitSet", nick), OK);
    await suite.origin.next((r) => r.url.includes("Timgate.Review") && JSON.parse(r.body).Field === "ProfileItem[0].Value");
  });

  it("a body that cannot be read is answered by FAIL_MODE (open: allowed), never refused", async () => {
    assert.deepEqual(await send("Group.CallbackBeforeCreateGroup", "{\"Name\": \"buy fol"), OK);
    // A friend request keeps its answer's shape: no item can be read, so none is refused.
    assert.deepEqual(await send("Sns.CallbackPrevFriendAdd", "[1, 2]"), { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ResultItem: [] });
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(line.basis, "fail_mode");
  });
});

describe("other callbacks, scopes off", () => {
  const suite = gateForSuite({ rules: { block: [{ term: "buy followers", code: 10110 }] } });

  it("a decide-type command is asked of the origin and its answer relayed, as before scopes", async () => {
    suite.origin.respond = () => ({ status: 200, body: JSON.stringify({ ActionStatus: "OK", ErrorInfo: "origin says no", ErrorCode: 10177 }) });
    const body = seedObject("other/before-create-group");
    body.Name = "buy followers";
    const answer = (await suite.gate.send("Group.CallbackBeforeCreateGroup", body)).json;
    assert.deepEqual(answer, { ActionStatus: "OK", ErrorInfo: "origin says no", ErrorCode: 10177 });
    const asked = await suite.origin.next((r) => r.url.includes("CallbackCommand=Group.CallbackBeforeCreateGroup"));
    assert.equal(JSON.parse(asked.body).Name, "buy followers");
    const line = suite.gate.logLines().filter((l) => l.event === "callback").at(-1);
    assert.equal(line.outcome, "proxied");
  });

  it("a friend request too, item answers and all", async () => {
    const relayed = { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ResultItem: [{ To_Account: "id1", ResultCode: 38123, ResultInfo: "no" }] };
    suite.origin.respond = () => ({ status: 200, body: JSON.stringify(relayed) });
    assert.deepEqual((await suite.gate.send("Sns.CallbackPrevFriendAdd", seedSample("other/prev-friend-add"))).json, relayed);
  });
});
