import { Card, Empty } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCustomers } from '../../api/queries';
import { isCustomer, isProviderStaff } from '../../app/roles';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { ArchiveTimeline } from './ArchiveTimeline';
import { SearchSelect } from '../../components/SearchSelect';

export const customerArchivePath = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/archive`;

/**
 * 客户维修档案 (R21): everything that happened to a customer's assets. Customers land on their
 * own organisation's archive; provider staff choose the customer.
 */
export default function CustomerArchivePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { customers, loading } = useCustomers();
  const customerOnly = isCustomer(me) && !isProviderStaff(me);
  if (!id && customerOnly) return <Navigate to={customerArchivePath(me.orgId)} replace />;
  const name = customerOnly ? me.orgName : customers.find((c) => c.id === id)?.name;

  return (
    <>
      <PageHeader title={name ? t('archive.customerTitle', { name }) : t('archive.pageTitle')} />
      {customerOnly ? null : (
        <div role="search" aria-label={t('archive.customer')} style={{ marginBottom: 12 }}>
          <SearchSelect
            className="project-picker"
            aria-label={t('archive.customer')}
            placeholder={t('archive.chooseCustomer')}
            loading={loading}
            value={id}
            onChange={(c: string) => navigate(customerArchivePath(c), { replace: true })}
            options={customers.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="archive-customer"
          />
        </div>
      )}
      {id ? (
        <Card size="small" title={<h2 className="card-h2">{t('archive.title')}</h2>}>
          <ArchiveTimeline key={id} scope={{ kind: 'customer', id }} showAsset />
        </Card>
      ) : (
        <Empty description={<span className="muted">{t('archive.chooseCustomerFirst')}</span>} />
      )}
    </>
  );
}
