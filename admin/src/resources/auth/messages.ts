import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The auth module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: {
      User: {
        name: '用户 |||| 用户',
        fields: {
          ...COMMON_FIELDS.zh,
          jurisdictionId: '所属辖区',
          username: '用户名',
          displayName: '姓名',
          password: '密码',
          role: '角色',
          unitId: '所属单位',
          active: '启用',
          mustChangePassword: '待本人改密码',
          passwordResetByName: '密码设置人',
          passwordResetAt: '他人设置密码时间',
        },
      },
    },
    enums: { Role: { ADMIN: '系统管理员', PARTY_OFFICE: '党建办', UNIT_STAFF: '责任单位', AUDITOR: '审计' } },
    app: {
      auth: {
        wrong_credentials: '用户名或密码错误',
        session_expired: '登录已过期，请重新登录',
        locked: '登录失败次数过多，账号已锁定，请 %{minutes} 分钟后再试',
        too_many_attempts: '此网络地址登录失败次数过多，请 %{minutes} 分钟后再试',
        own_account: '不能取消自己的管理员角色，也不能停用自己的账号',
        unit_elsewhere: '责任单位工作人员的所属辖区就是其单位所在的辖区',
      },
      password: {
        title: '修改密码',
        menu: '修改密码',
        required_intro: '您当前的密码由他人（管理员）设置。请先设置只有您自己知道的新密码，然后才能继续使用。',
        current: '当前密码',
        next: '新密码',
        confirm: '再次输入新密码',
        submit: '修改密码',
        changed: '密码已修改，其他登录已失效',
        mismatch: '两次输入的新密码不一致',
        too_short: '新密码至少 8 个字符',
        same: '新密码不能与当前密码相同',
        wrong_current: '当前密码不正确',
      },
    },
  },
  {
    resources: {
      User: {
        name: 'User |||| Users',
        fields: {
          ...COMMON_FIELDS.en,
          jurisdictionId: 'Jurisdiction',
          username: 'Username',
          displayName: 'Name',
          password: 'Password',
          role: 'Role',
          unitId: 'Unit',
          active: 'Active',
          mustChangePassword: 'Must change password',
          passwordResetByName: 'Password set by',
          passwordResetAt: 'Password set by someone else on',
        },
      },
    },
    enums: { Role: { ADMIN: 'Administrator', PARTY_OFFICE: 'Party-building office', UNIT_STAFF: 'Unit staff', AUDITOR: 'Auditor' } },
    app: {
      auth: {
        wrong_credentials: 'Wrong username or password',
        session_expired: 'Your session has expired; sign in again',
        locked: 'Too many failed sign-ins: this account is locked; try again in %{minutes} minutes',
        too_many_attempts: 'Too many failed sign-ins from this address; try again in %{minutes} minutes',
        own_account: 'You cannot take away your own administrator role or deactivate your own account',
        unit_elsewhere: 'A unit staff user works in the jurisdiction of their unit',
      },
      password: {
        title: 'Change password',
        menu: 'Change password',
        required_intro: 'Your current password was set by someone else (an administrator). Choose one only you know before you continue.',
        current: 'Current password',
        next: 'New password',
        confirm: 'New password again',
        submit: 'Change password',
        changed: 'Password changed; your other sessions have ended',
        mismatch: 'The two new passwords differ',
        too_short: 'The new password needs at least 8 characters',
        same: 'The new password must differ from the current one',
        wrong_current: 'The current password is wrong',
      },
    },
  },
);
