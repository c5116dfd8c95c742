import ApartmentIcon from '@mui/icons-material/Apartment';
import BadgeIcon from '@mui/icons-material/Badge';
import BusinessIcon from '@mui/icons-material/Business';
import DescriptionIcon from '@mui/icons-material/Description';
import GroupsIcon from '@mui/icons-material/Groups';
import HistoryIcon from '@mui/icons-material/History';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import MapIcon from '@mui/icons-material/Map';
import PeopleIcon from '@mui/icons-material/People';
import WorkIcon from '@mui/icons-material/Work';
import ChecklistIcon from '@mui/icons-material/Checklist';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import PaymentsIcon from '@mui/icons-material/Payments';
import RuleIcon from '@mui/icons-material/Rule';
import SavingsIcon from '@mui/icons-material/Savings';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import StarRateIcon from '@mui/icons-material/StarRate';
import DateRangeIcon from '@mui/icons-material/DateRange';
import BuildCircleIcon from '@mui/icons-material/BuildCircle';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Layout } from './layout/Layout';
import { MyTasks } from './resources/task/MyTasks';
import { PlanList, PlanShow } from './resources/task/plans';
import InsightsIcon from '@mui/icons-material/Insights';
import { IndicatorCreate, IndicatorEdit, IndicatorList, IndicatorShow, MeasurementCreate, MeasurementEdit } from './resources/indicator/indicators';
import { authProvider, canEdit } from './authProvider';
import { Dashboard } from './Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { AuditEventList } from './resources/audit/auditEvents';
import { Approvals } from './resources/incentive/Approvals';
import { AwardCaseBoard, AwardCaseCreate, AwardCaseEdit, AwardCaseShow } from './resources/incentive/awardCases';
import { BudgetCreate, BudgetEdit, BudgetList, BudgetShow } from './resources/incentive/budgets';
import { PayoutEdit, PayoutList, PayoutShow } from './resources/incentive/payouts';
import { ProgrammeCreate, ProgrammeEdit, ProgrammeList, ProgrammeShow } from './resources/incentive/programmes';
import { RuleCreate, RuleEdit, RuleList, RuleShow } from './resources/incentive/rules';
import { ChangePassword } from './resources/auth/ChangePassword';
import { UserCreate, UserEdit, UserList } from './resources/auth/users';
import { PartnerAccessList } from './resources/partner/accesses';
import { keyRepresentation, PartnerKeyList, PartnerKeyShow } from './resources/partner/keys';
import { RatingPeriodCreate, RatingPeriodEdit, RatingPeriodList, RatingPeriodShow } from './resources/rating/periods';
import { RectificationList, RectificationShow } from './resources/rating/rectifications';
import { RatingSchemeCreate, RatingSchemeEdit, RatingSchemeList, RatingSchemeShow } from './resources/rating/schemes';
import {
  CompoundCreate,
  CompoundEdit,
  CompoundList,
  CompoundShow,
  PropertyCompanyCreate,
  PropertyCompanyEdit,
  PropertyCompanyList,
  PropertyCompanyShow,
} from './resources/organization/companies';
import { JurisdictionCreate, JurisdictionEdit, JurisdictionList, JurisdictionShow } from './resources/organization/jurisdictions';
import { UnitCreate, UnitEdit, UnitList, UnitShow } from './resources/organization/units';
import { PolicyDocumentCreate, PolicyDocumentEdit, PolicyDocumentList, PolicyDocumentShow } from './resources/policy/documents';
import { MembershipCreate, MembershipEdit, MembershipList } from './resources/working-group/memberships';
import { PersonCreate, PersonEdit, PersonList, PersonShow } from './resources/working-group/people';
import { PostCreate, PostEdit, PostList, PostShow } from './resources/working-group/posts';
import { WorkingGroupCreate, WorkingGroupEdit, WorkingGroupList, WorkingGroupShow } from './resources/working-group/workingGroups';

/** Menu groups (layout/Layout.tsx). */
const RATINGS = { menuGroup: 'ratings' };
const SHARING = { menuGroup: 'sharing' };
const SYSTEM = { menuGroup: 'system' };
const HIDDEN = { menu: false };

/**
 * The console. Menus and routes follow the role: editing screens exist only for ADMIN and
 * PARTY_OFFICE, users only for ADMIN, the audit trail not for UNIT_STAFF; the approval queue is for
 * the office (approving itself is PARTY_OFFICE only: the API says so per payout). Partner keys are in
 * ADMIN's menu (an AUDITOR may read them by link); the partner access log is for ADMIN, AUDITOR and the
 * office. The API enforces the same.
 */
export const App = () => (
  <Admin dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} dashboard={Dashboard} layout={Layout} title="app.title" requireAuth disableTelemetry>
    {(role: string) => {
      const edit = canEdit(role);
      return [
        <CustomRoutes key="routes">
          <Route path="/my-tasks" element={<MyTasks />} />
          <Route path="/change-password" element={<ChangePassword />} />
          {edit && <Route path="/approvals" element={<Approvals />} />}
        </CustomRoutes>,
        <Resource key="Plan" name="Plan" icon={ChecklistIcon} list={PlanList} show={PlanShow} recordRepresentation="name" />,
        <Resource key="Indicator" name="Indicator" icon={InsightsIcon} list={IndicatorList} show={IndicatorShow} edit={edit ? IndicatorEdit : undefined} create={edit ? IndicatorCreate : undefined} recordRepresentation="name" />,
        <Resource key="IndicatorMeasurement" name="IndicatorMeasurement" edit={edit ? MeasurementEdit : undefined} create={edit ? MeasurementCreate : undefined} />,
        <Resource key="AwardCase" name="AwardCase" icon={ViewKanbanIcon} list={AwardCaseBoard} show={AwardCaseShow} edit={edit ? AwardCaseEdit : undefined} create={edit ? AwardCaseCreate : undefined} recordRepresentation={(r) => r.compound?.name ?? r.id} />,
        <Resource key="Payout" name="Payout" icon={PaymentsIcon} list={PayoutList} show={PayoutShow} edit={edit ? PayoutEdit : undefined} recordRepresentation="recipientName" />,
        <Resource key="IncentiveBudget" name="IncentiveBudget" icon={SavingsIcon} list={BudgetList} show={BudgetShow} edit={edit ? BudgetEdit : undefined} create={edit ? BudgetCreate : undefined} recordRepresentation={(r) => String(r.year)} />,
        <Resource key="IncentiveProgramme" name="IncentiveProgramme" icon={EmojiEventsIcon} list={ProgrammeList} show={ProgrammeShow} edit={edit ? ProgrammeEdit : undefined} create={edit ? ProgrammeCreate : undefined} recordRepresentation="name" />,
        <Resource key="IncentiveRule" name="IncentiveRule" icon={RuleIcon} list={RuleList} show={RuleShow} edit={edit ? RuleEdit : undefined} create={edit ? RuleCreate : undefined} recordRepresentation="name" />,
        <Resource key="WorkingGroup" name="WorkingGroup" icon={GroupsIcon} list={WorkingGroupList} show={WorkingGroupShow} edit={edit ? WorkingGroupEdit : undefined} create={edit ? WorkingGroupCreate : undefined} recordRepresentation="name" />,
        <Resource key="Membership" name="Membership" icon={BadgeIcon} list={MembershipList} edit={edit ? MembershipEdit : undefined} create={edit ? MembershipCreate : undefined} />,
        <Resource key="Person" name="Person" icon={PeopleIcon} list={PersonList} show={PersonShow} edit={edit ? PersonEdit : undefined} create={edit ? PersonCreate : undefined} recordRepresentation="name" />,
        <Resource key="Post" name="Post" icon={WorkIcon} list={PostList} show={PostShow} edit={edit ? PostEdit : undefined} create={edit ? PostCreate : undefined} recordRepresentation="title" />,
        <Resource key="PolicyDocument" name="PolicyDocument" icon={DescriptionIcon} list={PolicyDocumentList} show={PolicyDocumentShow} edit={edit ? PolicyDocumentEdit : undefined} create={edit ? PolicyDocumentCreate : undefined} recordRepresentation="title" />,
        <Resource key="Jurisdiction" name="Jurisdiction" icon={MapIcon} list={JurisdictionList} show={JurisdictionShow} edit={edit ? JurisdictionEdit : undefined} create={edit ? JurisdictionCreate : undefined} recordRepresentation="name" />,
        <Resource key="Unit" name="Unit" icon={ApartmentIcon} list={UnitList} show={UnitShow} edit={edit ? UnitEdit : undefined} create={edit ? UnitCreate : undefined} recordRepresentation="name" />,
        <Resource key="PropertyCompany" name="PropertyCompany" icon={BusinessIcon} list={PropertyCompanyList} show={PropertyCompanyShow} edit={edit ? PropertyCompanyEdit : undefined} create={edit ? PropertyCompanyCreate : undefined} recordRepresentation="name" />,
        <Resource key="Compound" name="Compound" icon={HomeWorkIcon} list={CompoundList} show={CompoundShow} edit={edit ? CompoundEdit : undefined} create={edit ? CompoundCreate : undefined} recordRepresentation="name" />,
        <Resource key="Clause" name="Clause" recordRepresentation="number" />,
        <Resource key="DocumentCitation" name="DocumentCitation" />,
        <Resource key="PostHolding" name="PostHolding" />,
        // 评星与红黑榜
        <Resource key="RatingPeriod" name="RatingPeriod" icon={DateRangeIcon} options={RATINGS} list={RatingPeriodList} show={RatingPeriodShow} edit={edit ? RatingPeriodEdit : undefined} create={edit ? RatingPeriodCreate : undefined} recordRepresentation="code" />,
        <Resource key="Rectification" name="Rectification" icon={BuildCircleIcon} options={RATINGS} list={RectificationList} show={RectificationShow} recordRepresentation={(r) => r.propertyCompany?.name ?? r.id} />,
        <Resource key="RatingScheme" name="RatingScheme" icon={StarRateIcon} options={RATINGS} list={RatingSchemeList} show={RatingSchemeShow} edit={edit ? RatingSchemeEdit : undefined} create={edit ? RatingSchemeCreate : undefined} recordRepresentation="name" />,
        <Resource key="Rating" name="Rating" />,
        <Resource key="RatingPublication" name="RatingPublication" />,
        // 数据共享: keys are ADMIN's to issue and revoke; AUDITOR reads them (not in its menu), the office reads the log
        role === 'ADMIN' || role === 'AUDITOR' ? <Resource key="PartnerKey" name="PartnerKey" icon={VpnKeyIcon} options={role === 'ADMIN' ? SHARING : HIDDEN} list={PartnerKeyList} show={PartnerKeyShow} recordRepresentation={keyRepresentation} /> : null,
        role !== 'UNIT_STAFF' ? <Resource key="PartnerAccess" name="PartnerAccess" icon={ManageSearchIcon} options={SHARING} list={PartnerAccessList} /> : null,
        role !== 'UNIT_STAFF' ? <Resource key="AuditEvent" name="AuditEvent" icon={HistoryIcon} options={SYSTEM} list={AuditEventList} /> : null,
        role === 'ADMIN' ? <Resource key="User" name="User" icon={ManageAccountsIcon} options={SYSTEM} list={UserList} edit={UserEdit} create={UserCreate} recordRepresentation="username" /> : null,
      ];
    }}
  </Admin>
);
